package dev.mqttchat.gateway.web;

import java.time.Duration;

import jakarta.websocket.Session;

import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Bounds how long one frame to a client that stopped reading may block the thread sending
 * it: Tomcat's own bound is 20 s, longer than the send time limit.
 */
class BlockingSendTimeoutHandlerDecorator extends WebSocketHandlerDecorator {

	/** Tomcat's session property for the write timeout of a blocking send, in ms. */
	static final String PROPERTY = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private final Long timeoutMillis;

	BlockingSendTimeoutHandlerDecorator(WebSocketHandler delegate, Duration timeout) {
		super(delegate);
		this.timeoutMillis = timeout.toMillis();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		// Spring closes a session whose send took longer than the send time limit only
		// when the next frame for it comes; without one, the blocked send (and one of
		// the few outbound threads) waited for Tomcat's 20 s.
		if (WebSocketSessionDecorator.unwrap(session) instanceof NativeWebSocketSession nativeSession) {
			Session tomcatSession = nativeSession.getNativeSession(Session.class);
			if (tomcatSession != null) {
				tomcatSession.getUserProperties().put(PROPERTY, this.timeoutMillis);
			}
		}
		super.afterConnectionEstablished(session);
	}

}
