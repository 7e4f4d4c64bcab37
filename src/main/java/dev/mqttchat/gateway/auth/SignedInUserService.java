package dev.mqttchat.gateway.auth;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Loads the signed-in person as Spring Security does and names them by
 * {@link SignedInNames}; claims that name nobody end the sign-in with a clear reason.
 */
final class SignedInUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String NO_NAME = "no_usable_name";

	private final OidcUserService delegate = new OidcUserService();

	private final SignedInNames names;

	SignedInUserService(SignedInNames names) {
		this.names = names;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.delegate.loadUser(request);
		try {
			return new SignedInUser(user, this.names.nameOf(user.getClaims()));
		}
		catch (SignedInNames.NoNameException ex) {
			throw new OAuth2AuthenticationException(new OAuth2Error(NO_NAME, ex.getMessage(), null), ex.getMessage());
		}
	}

}
