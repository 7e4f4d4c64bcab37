package dev.mqttchat.gateway.web;

import java.util.List;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Accepts WebSocket handshakes without {@code permessage-deflate}, which browsers ask for by default: chat frames
 * are a few hundred bytes, and the extension would keep a zlib deflater and inflater per connection and compress
 * every message once per subscriber instead of once per room.
 */
class UncompressedHandshake extends DefaultHandshakeHandler {

	@Override
	protected List<WebSocketExtension> filterRequestedExtensions(ServerHttpRequest request,
			List<WebSocketExtension> requestedExtensions, List<WebSocketExtension> supportedExtensions) {
		return List.of();
	}

}
