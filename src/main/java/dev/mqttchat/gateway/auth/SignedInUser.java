package dev.mqttchat.gateway.auth;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the provider, named as the gateway names them: the
 * authentication's name is their chat name everywhere.
 */
final class SignedInUser extends DefaultOidcUser {

	private static final long serialVersionUID = 1L;

	private final String chatName;

	SignedInUser(OidcUser user, String chatName) {
		super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
		this.chatName = chatName;
	}

	@Override
	public String getName() {
		return this.chatName;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser user && super.equals(user) && this.chatName.equals(user.chatName);
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + this.chatName.hashCode();
	}

}
