package dev.mqttchat.gateway.fault;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mqttchat.gateway.testsupport.StompTestClient;

/**
 * A browser that sends a numbered stream as the page does when its gateway dies: it
 * reconnects to the next gateway and sends again, with the same {@code clientMsgId},
 * every message it has no {@code stored} receipt for, then goes on.
 */
final class RoamingBrowser implements AutoCloseable {

	private final MessageStream stream;

	private final String sender;

	private final int[] ports;

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final List<BlockingQueue<Map<String, Object>>> receipts = new CopyOnWriteArrayList<>();

	private final Set<String> resent = ConcurrentHashMap.newKeySet();

	private StompTestClient browser;

	private int gateway;

	private RoamingBrowser(MessageStream stream, String sender, int[] ports) throws Exception {
		this.stream = stream;
		this.sender = sender;
		this.ports = ports;
		this.browser = connect(ports[0]);
	}

	/**
	 * A browser named {@code sender} on the gateway at {@code ports[0]}, moving on to the
	 * next port when it loses its connection.
	 */
	static RoamingBrowser open(MessageStream stream, String sender, int... ports) throws Exception {
		return new RoamingBrowser(stream, sender, ports);
	}

	/** Sends message {@code n}, moving on first if the gateway went away. */
	synchronized void send(int n) throws Exception {
		if (!this.browser.isConnected()) {
			moveOn();
		}
		this.sent.add(this.sender + "-" + n);
		try {
			this.stream.sendFromBrowser(this.browser, this.sender, n);
		}
		catch (RuntimeException ex) {
			// The connection died under this SEND: sent again from the next gateway.
			moveOn();
		}
	}

	/** How many messages got a {@code stored} receipt. */
	long stored() {
		return receipted().size();
	}

	/** How many messages were sent again on another gateway. */
	int resent() {
		return this.resent.size();
	}

	/** The port of the gateway it is connected to now. */
	int port() {
		return this.ports[this.gateway];
	}

	private Set<Object> receipted() {
		Set<Object> stored = ConcurrentHashMap.newKeySet();
		for (BlockingQueue<Map<String, Object>> queue : this.receipts) {
			queue.stream()
				.filter((receipt) -> "stored".equals(receipt.get("status")))
				.forEach((receipt) -> stored.add(receipt.get("clientMsgId")));
		}
		return stored;
	}

	private void moveOn() throws Exception {
		try {
			this.browser.close();
		}
		catch (RuntimeException ex) {
			// Its gateway is gone: nothing to say goodbye to.
		}
		this.gateway = Math.min(this.gateway + 1, this.ports.length - 1);
		this.browser = connect(this.ports[this.gateway]);
		Set<Object> stored = receipted();
		for (String text : this.sent) {
			if (!stored.contains(text)) {
				this.resent.add(text);
				this.stream.sendAgain(this.browser, text);
			}
		}
	}

	private StompTestClient connect(int port) throws Exception {
		StompTestClient client = StompTestClient.connect(port);
		this.receipts.add(client.subscribe("/user/queue/receipts"));
		return client;
	}

	@Override
	public void close() {
		this.browser.close();
	}

}
