package dev.mqttchat.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Takes a bearer token as an access token only when it is shaped like a JWT: a room's
 * owner token ({@code DELETE /api/rooms/{id}}) travels as a bearer token too, and is the
 * room controller's business.
 */
final class JwtShapedBearerTokenResolver implements BearerTokenResolver {

	private final DefaultBearerTokenResolver delegate = new DefaultBearerTokenResolver();

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		String token = this.delegate.resolve(request);
		return (token != null && token.chars().filter((c) -> c == '.').count() == 2) ? token : null;
	}

}
