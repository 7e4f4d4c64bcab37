package dev.mqttchat.gateway.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ClientAddress;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Keeps the client address of each WebSocket handshake in the STOMP session's attributes,
 * so that limits per address apply to all of one address's sessions together.
 */
class ClientAddressInterceptor implements HandshakeInterceptor {

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		// The servlet's remote address, as the forwarded-header settings made it (a
		// trusted proxy's X-Forwarded-For, else the peer).
		if (request instanceof ServletServerHttpRequest servlet) {
			ClientAddress.keep(attributes, servlet.getServletRequest().getRemoteAddr());
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
