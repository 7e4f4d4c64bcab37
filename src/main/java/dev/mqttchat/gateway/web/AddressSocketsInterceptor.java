package dev.mqttchat.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ClientAddress;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Notes each WebSocket's client address (for {@link AddressSocketsHandlerDecorator} and
 * the limits per address of its STOMP session), and answers 429 at once to an address
 * that already holds its cap of sockets, before any memory goes to the new one.
 */
class AddressSocketsInterceptor implements HandshakeInterceptor {

	private final AddressSockets sockets;

	AddressSocketsInterceptor(AddressSockets sockets) {
		this.sockets = sockets;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws Exception {
		if (!(request instanceof ServletServerHttpRequest servlet)) {
			return true;
		}
		// The same address as the REST limits count: Tomcat's RemoteIpValve has already
		// put a trusted proxy's X-Forwarded-For in its place.
		String address = servlet.getServletRequest().getRemoteAddr();
		ClientAddress.keep(attributes, address);
		if (!this.sockets.isFull(address)) {
			return true;
		}
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
		response.getBody()
			.write((AddressSockets.TOO_MANY + ": at most " + this.sockets.cap() + " WebSockets at once.")
				.getBytes(StandardCharsets.UTF_8));
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
