package dev.mqttchat.gateway.testsupport;

import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare WebSocket (the JDK's client) for sending hand-made, possibly hostile, STOMP
 * frames.
 */
public final class RawWebSocket implements AutoCloseable {

	private final WebSocket socket;

	private final BlockingQueue<String> frames;

	private final CompletableFuture<Integer> closed;

	private final BlockingQueue<Timed> timed;

	/** A frame and when it arrived ({@link System#nanoTime()}). */
	public record Timed(String frame, long arrivedNanos) {
	}

	private RawWebSocket(WebSocket socket, BlockingQueue<String> frames, CompletableFuture<Integer> closed,
			BlockingQueue<Timed> timed) {
		this.socket = socket;
		this.frames = frames;
		this.closed = closed;
		this.timed = timed;
	}

	/** Every frame received so far with its arrival time, in order. */
	public BlockingQueue<Timed> timed() {
		return this.timed;
	}

	/**
	 * Opens {@code ws://localhost:{port}/ws} with the given extra handshake headers (e.g.
	 * Origin).
	 */
	public static RawWebSocket open(int port, Map<String, String> headers) throws Exception {
		BlockingQueue<String> frames = new LinkedBlockingQueue<>();
		BlockingQueue<Timed> timed = new LinkedBlockingQueue<>();
		CompletableFuture<Integer> closed = new CompletableFuture<>();
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(Duration.ofSeconds(10));
		headers.forEach(builder::header);
		WebSocket socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {

			private final StringBuilder partial = new StringBuilder();

			@Override
			public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
				this.partial.append(data);
				if (last) {
					timed.add(new Timed(this.partial.toString(), System.nanoTime()));
					frames.add(this.partial.toString());
					this.partial.setLength(0);
				}
				webSocket.request(1);
				return null;
			}

			@Override
			public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
				closed.complete(statusCode);
				return null;
			}

			@Override
			public void onError(WebSocket webSocket, Throwable error) {
				closed.complete(-1);
			}

		}).get(10, TimeUnit.SECONDS);
		return new RawWebSocket(socket, frames, closed, timed);
	}

	/** Sends {@code text} as one WebSocket text message. */
	public void send(String text) {
		this.socket.sendText(text, true).join();
	}

	/** Sends {@code bytes} as one WebSocket binary message (STOMP takes those too). */
	public void sendBinary(byte[] bytes) {
		this.socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
	}

	/**
	 * The next STOMP frame from the server (heart-beat newlines skipped), or {@code null}
	 * after the timeout.
	 */
	public String next(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			String frame = this.frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (frame == null || !frame.isBlank()) {
				return frame;
			}
		}
	}

	/** Completes with the close status code when the server closes the socket. */
	public CompletableFuture<Integer> closed() {
		return this.closed;
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	/** A CONNECT frame for STOMP 1.2, without heart-beats. */
	public static String connectFrame() {
		return "CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\u0000";
	}

}
