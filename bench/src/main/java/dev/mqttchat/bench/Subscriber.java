package dev.mqttchat.bench;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber on a JDK WebSocket: no thread of its own, callbacks on the shared client executor. Subclasses
 * speak STOMP or MQTT; this class counts what arrives and can stop reading to play a stalled browser.
 */
abstract class Subscriber implements WebSocket.Listener {

	private final Room room;

	private final Group group;

	private final boolean stallable;

	private final Wire.Fields fields = new Wire.Fields();

	/** Completes once the subscription is sent and (where the protocol says so) acknowledged. */
	final CompletableFuture<Void> subscribed = new CompletableFuture<>();

	private volatile WebSocket socket;

	private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

	private volatile boolean probed;

	private volatile long firstProbeNanos;

	private volatile boolean stalled;

	private volatile long received;

	private volatile long lastIntendedNanos;

	private volatile long closedAtNanos;

	private volatile String closeReason;

	private int lastRun = -1;

	private long lastSeq = -1;

	Subscriber(Room room, Group group, boolean stallable) {
		this.room = room;
		this.group = group;
		this.stallable = stallable;
	}

	Room room() {
		return this.room;
	}

	Group group() {
		return this.group;
	}

	boolean probed() {
		return this.probed;
	}

	/** When the first probe arrived, or 0. */
	long firstProbeNanos() {
		return this.firstProbeNanos;
	}

	long received() {
		return this.received;
	}

	boolean closed() {
		return this.closedAtNanos != 0;
	}

	long closedAtNanos() {
		return this.closedAtNanos;
	}

	String closeReason() {
		return this.closeReason;
	}

	/** Stops reading from the socket, so the server's writes back up as they would for a frozen browser tab. */
	void stall() {
		this.stalled = true;
	}

	/** Reads again, so whatever the server sent before giving up on this session, and its close, come through. */
	void resume() {
		this.stalled = false;
		WebSocket ws = this.socket;
		if (ws != null) {
			ws.request(Long.MAX_VALUE);
		}
	}

	/** Intended send time of the last measured message that arrived, for stallable subscribers; 0 if none. */
	long lastIntendedNanos() {
		return this.lastIntendedNanos;
	}

	/** The WebSocket subprotocols to offer. */
	abstract String[] subprotocols();

	/** Sends what opens the session and the subscription. */
	abstract void start();

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		// Healthy subscribers ask for everything at once: no per-message demand bookkeeping on the hot path.
		webSocket.request(this.stallable ? 1 : Long.MAX_VALUE);
		start();
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		closed("closed " + statusCode + (reason.isEmpty() ? "" : " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		closed("error " + error);
	}

	/** Called by subclasses after each received message or fragment, to keep reading unless stalled. */
	protected void demand(WebSocket webSocket) {
		if (this.stallable && !this.stalled) {
			webSocket.request(1);
		}
	}

	protected void failed(String reason) {
		this.subscribed.completeExceptionally(new IllegalStateException(reason));
	}

	private void closed(String reason) {
		if (this.closedAtNanos == 0) {
			this.closeReason = reason;
			this.closedAtNanos = System.nanoTime();
		}
		failed(reason);
	}

	/** Hands one bench message to the counters; {@code receivedNanos} is taken before parsing. */
	protected void message(long receivedNanos, CharSequence text) {
		if (Wire.parse(text, this.fields)) {
			account(receivedNanos);
		}
	}

	protected void message(long receivedNanos, ByteBuffer bytes, int from, int to) {
		if (Wire.parse(bytes, from, to, this.fields)) {
			account(receivedNanos);
		}
	}

	private void account(long receivedNanos) {
		Wire.Fields f = this.fields;
		if (f.phase == Wire.PROBE) {
			if (!this.probed) {
				this.firstProbeNanos = receivedNanos;
				this.probed = true;
			}
			return;
		}
		if (f.run != this.group.run()) {
			this.group.stale();
			return;
		}
		if (f.run != this.lastRun) {
			this.lastRun = f.run;
			this.lastSeq = -1;
		}
		if (f.seq <= this.lastSeq) {
			this.group.outOfOrder();
		}
		else {
			this.lastSeq = f.seq;
		}
		if (f.phase == Wire.MEASURE) {
			if (this.stallable) {
				this.lastIntendedNanos = f.intendedNanos;
			}
			this.received++;
			this.group.measured(receivedNanos, f.intendedNanos, f.actualNanos);
		}
	}

	/** Sends text after whatever was sent before: the JDK WebSocket allows one outstanding send. */
	protected synchronized void send(String text) {
		WebSocket ws = this.socket;
		this.sends = this.sends.thenCompose((ignored) -> ws.sendText(text, true));
	}

	protected synchronized void send(ByteBuffer bytes) {
		WebSocket ws = this.socket;
		this.sends = this.sends.thenCompose((ignored) -> ws.sendBinary(bytes, true));
	}

	/** Starts a normal close; {@link #abort()} ends what does not close in time. */
	CompletableFuture<?> close() {
		WebSocket ws = this.socket;
		if (ws == null || ws.isOutputClosed()) {
			return CompletableFuture.completedFuture(null);
		}
		synchronized (this) {
			this.sends = this.sends.thenCompose((ignored) -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""))
				.orTimeout(5, TimeUnit.SECONDS);
			return this.sends;
		}
	}

	void abort() {
		WebSocket ws = this.socket;
		if (ws != null) {
			ws.abort();
		}
	}

	void attach(WebSocket webSocket) {
		this.socket = webSocket;
	}

}
