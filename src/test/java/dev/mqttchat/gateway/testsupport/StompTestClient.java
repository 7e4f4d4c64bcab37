package dev.mqttchat.gateway.testsupport;

import java.lang.reflect.Type;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * A real STOMP 1.2 client over a WebSocket, collecting MESSAGE bodies as JSON maps and
 * ERROR frames.
 */
public final class StompTestClient implements AutoCloseable {

	private final StompSession session;

	private final BlockingQueue<String> errors;

	private StompTestClient(StompSession session, BlockingQueue<String> errors) {
		this.session = session;
		this.errors = errors;
	}

	/** Connects to {@code ws://localhost:{port}/ws}. */
	public static StompTestClient connect(int port) throws Exception {
		return connect(URI.create("ws://localhost:" + port + "/ws"));
	}

	/**
	 * Connects to {@code ws://localhost:{port}/ws} naming itself {@code username} in the
	 * CONNECT frame, as the chat page does.
	 */
	public static StompTestClient connect(int port, String username) throws Exception {
		StompHeaders headers = new StompHeaders();
		headers.add("username", username);
		return connect(URI.create("ws://localhost:" + port + "/ws"), headers);
	}

	/**
	 * As {@link #connect(int, String)}, the handshake forwarded for {@code address} (as a
	 * trusted proxy on loopback would say with {@code X-Forwarded-For}).
	 */
	public static StompTestClient connectFrom(int port, String username, String address) throws Exception {
		StompHeaders headers = new StompHeaders();
		headers.add("username", username);
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("X-Forwarded-For", address);
		return connect(URI.create("ws://localhost:" + port + "/ws"), handshake, headers);
	}

	/**
	 * Connects as a signed-in page does: the handshake carries the HTTP session's
	 * {@code cookie}, and the CONNECT frame names {@code username} (which sign-in
	 * overrides).
	 */
	public static StompTestClient connectWithCookie(int port, String cookie, String username) throws Exception {
		StompHeaders headers = new StompHeaders();
		headers.add("username", username);
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", cookie);
		return connect(URI.create("ws://127.0.0.1:" + port + "/ws"), handshake, headers);
	}

	/** Connects to the STOMP endpoint at {@code url}, e.g. through a proxy. */
	public static StompTestClient connect(URI url) throws Exception {
		return connect(url, new StompHeaders());
	}

	private static StompTestClient connect(URI url, StompHeaders connectHeaders) throws Exception {
		return connect(url, new WebSocketHttpHeaders(), connectHeaders);
	}

	private static StompTestClient connect(URI url, WebSocketHttpHeaders handshake, StompHeaders connectHeaders)
			throws Exception {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(128 * 1024);
		container.setDefaultMaxBinaryMessageBufferSize(128 * 1024);
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
		client.setMessageConverter(new JacksonJsonMessageConverter(JsonMapper.builder().build()));
		BlockingQueue<String> errors = new LinkedBlockingQueue<>();
		StompSession session = client
			.connectAsync(url.toString(), handshake, connectHeaders, new StompSessionHandlerAdapter() {

				@Override
				public void handleFrame(StompHeaders headers, @Nullable Object payload) {
					errors.add(String.valueOf(headers.getFirst("message")));
				}

				@Override
				public void handleException(StompSession session, @Nullable StompCommand command, StompHeaders headers,
						byte[] payload, Throwable exception) {
					errors.add("exception: " + exception.getMessage());
				}

				@Override
				public void handleTransportError(StompSession session, Throwable exception) {
					errors.add("transport: " + exception.getMessage());
				}

			})
			.get(10, TimeUnit.SECONDS);
		return new StompTestClient(session, errors);
	}

	/**
	 * Subscribes to {@code destination}; every MESSAGE body lands in the returned queue.
	 */
	public BlockingQueue<Map<String, Object>> subscribe(String destination) {
		return subscribe(destination, Map.of());
	}

	/**
	 * Subscribes to {@code destination} with extra STOMP {@code headers}; every MESSAGE
	 * body lands in the returned queue.
	 */
	public BlockingQueue<Map<String, Object>> subscribe(String destination, Map<String, String> headers) {
		BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
		StompHeaders frame = new StompHeaders();
		frame.setDestination(destination);
		headers.forEach(frame::add);
		this.session.subscribe(frame, new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders headers) {
				return Map.class;
			}

			@Override
			@SuppressWarnings("unchecked")
			public void handleFrame(StompHeaders headers, @Nullable Object payload) {
				received.add((Map<String, Object>) payload);
			}

		});
		return received;
	}

	/** Sends {@code payload} as JSON to {@code destination}. */
	public void send(String destination, Object payload) {
		this.session.send(destination, payload);
	}

	/** The {@code message} header of each ERROR frame received, and transport errors. */
	public BlockingQueue<String> errors() {
		return this.errors;
	}

	public boolean isConnected() {
		return this.session.isConnected();
	}

	@Override
	public void close() {
		if (this.session.isConnected()) {
			this.session.disconnect();
		}
	}

}
