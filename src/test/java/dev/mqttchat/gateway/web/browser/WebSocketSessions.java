package dev.mqttchat.gateway.web.browser;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Records the server's open WebSocket sessions so a test can drop them, and can refuse
 * new ones, the way a restarting server or a proxy would.
 */
final class WebSocketSessions {

	private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();

	private volatile boolean refusing;

	WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				// The STOMP handler sees the session first, so closing it runs its normal
				// clean-up.
				super.afterConnectionEstablished(session);
				if (WebSocketSessions.this.refusing) {
					session.close(CloseStatus.SERVICE_RESTARTED);
				}
				else {
					WebSocketSessions.this.open.add(session);
				}
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				WebSocketSessions.this.open.remove(session);
				super.afterConnectionClosed(session, status);
			}

		};
	}

	/**
	 * Closes every open session with 1012 (service restarted) and says how many there
	 * were.
	 */
	int dropAll() throws IOException {
		int dropped = 0;
		for (WebSocketSession session : this.open) {
			if (session.isOpen()) {
				session.close(CloseStatus.SERVICE_RESTARTED);
				dropped++;
			}
		}
		return dropped;
	}

	/**
	 * While refusing, every new session is closed as soon as it opens, before its STOMP
	 * CONNECT is read.
	 */
	void refuseNewSessions(boolean refuse) {
		this.refusing = refuse;
	}

	int openCount() {
		return (int) this.open.stream().filter(WebSocketSession::isOpen).count();
	}

	/**
	 * Adds the recording decorator next to the application's own WebSocket configuration.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		WebSocketSessions webSocketSessions() {
			return new WebSocketSessions();
		}

		@Bean
		WebSocketMessageBrokerConfigurer sessionRecordingConfigurer(WebSocketSessions sessions) {
			return new WebSocketMessageBrokerConfigurer() {

				@Override
				public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
					registration.addDecoratorFactory(sessions::decorate);
				}

			};
		}

	}

}
