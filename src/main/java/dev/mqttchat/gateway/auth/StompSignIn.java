package dev.mqttchat.gateway.auth;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.AuthSettings;
import dev.mqttchat.gateway.chat.Usernames;

/**
 * Who a STOMP CONNECT speaks as in {@code oidc} mode: the person signed in on the HTTP
 * session that opened the WebSocket, whatever name the frame types; a guest, where
 * allowed, under the typed name marked {@value SignedInNames#GUEST_SUFFIX}; nobody else.
 */
public final class StompSignIn {

	private final AuthSettings settings;

	StompSignIn(AuthSettings settings) {
		this.settings = settings;
	}

	/** Whether CONNECT frames must come from a signed-in session (or a guest). */
	public boolean required() {
		return this.settings.signIn();
	}

	/**
	 * The name the session speaks as.
	 * @param user the WebSocket's principal, from its HTTP session
	 * @param typed the CONNECT frame's {@code username} header, if any
	 * @return the verified (or guest) name
	 * @throws RefusedException when the connection may not speak at all
	 */
	public String nameFor(@Nullable Principal user, @Nullable String typed) {
		if (user != null) {
			return user.getName();
		}
		if (!this.settings.guests()) {
			throw new RefusedException("Sign in first: this gateway lets only signed-in people chat "
					+ "(open the page and choose Sign in).");
		}
		String name = Usernames.normalized(typed);
		String guest = (name != null) ? Usernames.normalized(name + SignedInNames.GUEST_SUFFIX) : null;
		if (guest == null) {
			throw new RefusedException("A guest needs a username header of at most "
					+ (32 - SignedInNames.GUEST_SUFFIX.length()) + " characters (it is shown with \""
					+ SignedInNames.GUEST_SUFFIX.strip() + "\"): " + Usernames.whyRefused(typed));
		}
		return guest;
	}

	/** A CONNECT that may not speak, with the reason in words. */
	public static final class RefusedException extends RuntimeException {

		RefusedException(String message) {
			super(message);
		}

	}

}
