package dev.mqttchat.gateway.auth;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * The WebSockets each HTTP session opened, so that signing out (or the session expiring)
 * ends them at once rather than leaving a signed-out browser chatting.
 */
public final class SignedInSockets implements LogoutHandler {

	static final CloseStatus SIGNED_OUT = new CloseStatus(4401, "Signed out");

	private final Map<String, Set<WebSocketSession>> byHttpSession = new ConcurrentHashMap<>();

	SignedInSockets() {
	}

	/**
	 * Wraps the WebSocket handler so that it records each socket under its HTTP session.
	 */
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				String http = httpSessionOf(session);
				if (http != null) {
					SignedInSockets.this.byHttpSession.computeIfAbsent(http, (key) -> ConcurrentHashMap.newKeySet())
						.add(session);
				}
				super.afterConnectionEstablished(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				String http = httpSessionOf(session);
				if (http != null) {
					SignedInSockets.this.byHttpSession.computeIfPresent(http,
							(key, sockets) -> (sockets.remove(session) && sockets.isEmpty()) ? null : sockets);
				}
				super.afterConnectionClosed(session, status);
			}

		};
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			close(session.getId());
		}
	}

	private void close(String httpSession) {
		Set<WebSocketSession> sockets = this.byHttpSession.remove(httpSession);
		if (sockets == null) {
			return;
		}
		for (WebSocketSession socket : sockets) {
			try {
				socket.close(SIGNED_OUT);
			}
			catch (IOException ex) {
				// Already gone: nothing left to end.
			}
		}
	}

	private static @Nullable String httpSessionOf(WebSocketSession session) {
		return (String) session.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME);
	}

}
