package dev.mqttchat.gateway.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tomcat learns the send time limit as its own bound on a blocking send, also through the
 * decorators around the session, before the STOMP handler sees the session.
 */
class BlockingSendTimeoutHandlerDecoratorTests {

	@Test
	void tomcatsBlockingSendTimeoutIsTheSendTimeLimit() throws Exception {
		Map<String, Object> userProperties = new HashMap<>();
		Session tomcatSession = mock(Session.class);
		given(tomcatSession.getUserProperties()).willReturn(userProperties);
		given(tomcatSession.getId()).willReturn("1");
		StandardWebSocketSession session = new StandardWebSocketSession(new HttpHeaders(), Map.of(),
				new InetSocketAddress("127.0.0.1", 8080), new InetSocketAddress("127.0.0.1", 50000));
		session.initializeNativeSession(tomcatSession);
		AtomicReference<Object> seenByHandler = new AtomicReference<>();
		BlockingSendTimeoutHandlerDecorator decorator = new BlockingSendTimeoutHandlerDecorator(
				new AbstractWebSocketHandler() {
					@Override
					public void afterConnectionEstablished(WebSocketSession established) {
						seenByHandler.set(userProperties.get(BlockingSendTimeoutHandlerDecorator.PROPERTY));
					}
				}, Duration.ofSeconds(2));

		decorator.afterConnectionEstablished(new WebSocketSessionDecorator(session));

		assertThat(userProperties).containsEntry(BlockingSendTimeoutHandlerDecorator.PROPERTY, 2000L);
		assertThat(seenByHandler.get()).as("set before the handler runs").isEqualTo(2000L);
	}

}
