package dev.mqttchat.gateway.auth;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Names an API client's bearer access token as {@link SignedInNames} names a signed-in
 * page, so one person has one name on every path.
 */
final class BearerNameConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SignedInNames names;

	BearerNameConverter(SignedInNames names) {
		this.names = names;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		try {
			return new JwtAuthenticationToken(jwt, List.of(), this.names.nameOf(jwt.getClaims()));
		}
		catch (SignedInNames.NoNameException ex) {
			throw new InvalidBearerTokenException(ex.getMessage(), ex);
		}
	}

}
