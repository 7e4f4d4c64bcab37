package dev.mqttchat.gateway.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.TokenBucket;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Answers 403 to a WebSocket upgrade whose {@code Origin} is no origin at all (such as
 * {@code http://a:1x}), as to any foreign origin: Spring's origin check would throw on it
 * and answer 500 with a stack trace in the log. Such refusals are logged at most once a
 * minute, so they cannot flood the log.
 */
class OriginSyntaxInterceptor implements HandshakeInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(OriginSyntaxInterceptor.class);

	private final TokenBucket reports = new TokenBucket(1, 1 / 60d);

	private final AtomicLong unreported = new AtomicLong();

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String origin = request.getHeaders().getOrigin();
		if (origin == null || isWellFormed(origin)) {
			return true;
		}
		response.setStatusCode(HttpStatus.FORBIDDEN);
		if (this.reports.tryTake()) {
			logger.warn("Refused a WebSocket upgrade with a malformed Origin header ({} more since the last report)",
					this.unreported.getAndSet(0));
		}
		else {
			this.unreported.incrementAndGet();
		}
		return false;
	}

	/**
	 * Whether Spring's origin check can read {@code origin}: {@code null} (an opaque
	 * origin) or a scheme and a host that its URL parser accepts.
	 */
	static boolean isWellFormed(String origin) {
		if ("null".equals(origin)) {
			return true;
		}
		try {
			UriComponents uri = UriComponentsBuilder.fromUriString(origin).build();
			return uri.getScheme() != null && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
