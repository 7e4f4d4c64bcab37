package dev.mqttchat.gateway.auth;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.Usernames;

/**
 * Turns a provider's claims into the name a person chats under: the configured claim
 * ({@code preferred_username} by default), or the email address only when the provider
 * says it verified it (trusting an unverified email let anyone pass for anyone in other
 * chats).
 */
final class SignedInNames {

	static final String GUEST_SUFFIX = " (guest)";

	private static final String EMAIL = "email";

	private final String claim;

	SignedInNames(String claim) {
		this.claim = claim;
	}

	/** The person's name, or an exception saying in words why the claims give none. */
	String nameOf(Map<String, Object> claims) {
		String raw = rawName(claims);
		if (raw == null) {
			throw new NoNameException("The identity provider gave no usable name: the token has no \"" + this.claim
					+ "\" claim" + (EMAIL.equals(this.claim) ? " with email_verified true" : "")
					+ " and no verified email.");
		}
		String name = Usernames.normalized(raw);
		if (name == null || name.endsWith(GUEST_SUFFIX)) {
			throw new NoNameException("The name \"" + raw + "\" from the identity provider cannot be used here: "
					+ Usernames.whyRefused(raw));
		}
		return name;
	}

	private @Nullable String rawName(Map<String, Object> claims) {
		if (!EMAIL.equals(this.claim) && claims.get(this.claim) instanceof String value && !value.isBlank()) {
			return value;
		}
		if (Boolean.TRUE.equals(claims.get("email_verified")) && claims.get(EMAIL) instanceof String email
				&& !email.isBlank()) {
			return email;
		}
		return null;
	}

	/** The claims name nobody this gateway can let in. */
	static final class NoNameException extends RuntimeException {

		NoNameException(String message) {
			super(message);
		}

	}

}
