package dev.mqttchat.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A browser that stops reading: a WebSocket over a plain socket with a tiny receive
 * buffer that subscribes to a room and then never reads again, so that what the server
 * sends it piles up on the server's side.
 */
public final class StuckWebSocket implements AutoCloseable {

	private final Socket socket;

	private StuckWebSocket(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Connects, speaks STOMP and subscribes to {@code destination}, then stops reading.
	 */
	public static StuckWebSocket subscribe(int port, String destination) throws IOException {
		Socket socket = new Socket();
		// Before connecting, so the window the server sees stays this small.
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		OutputStream out = socket.getOutputStream();
		byte[] key = new byte[16];
		ThreadLocalRandom.current().nextBytes(key);
		out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
				+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		readHeaders(socket.getInputStream());
		send(out, "CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\u0000");
		send(out, "SUBSCRIBE\nid:0\ndestination:" + destination + "\n\n\u0000");
		return new StuckWebSocket(socket);
	}

	/** Whether the server has closed this socket (found by the one read this does). */
	public boolean closedByServer() {
		try {
			this.socket.setSoTimeout(1);
			InputStream in = this.socket.getInputStream();
			byte[] drain = new byte[65536];
			// Drains what is buffered; the end of the stream means the server closed.
			while (true) {
				if (in.read(drain) < 0) {
					return true;
				}
			}
		}
		catch (java.net.SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static void readHeaders(InputStream in) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("Handshake refused: " + headers.toString(StandardCharsets.US_ASCII));
			}
			headers.write(next);
		}
		if (!headers.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
			throw new IOException("Handshake refused: " + headers.toString(StandardCharsets.US_ASCII));
		}
	}

	/** One masked text frame, as every client frame must be. */
	private static void send(OutputStream out, String text) throws IOException {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		out.write(0x81);
		if (payload.length < 126) {
			out.write(0x80 | payload.length);
		}
		else {
			out.write(0x80 | 126);
			out.write(payload.length >>> 8);
			out.write(payload.length & 0xff);
		}
		out.write(mask);
		for (int i = 0; i < payload.length; i++) {
			out.write(payload[i] ^ mask[i % 4]);
		}
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
