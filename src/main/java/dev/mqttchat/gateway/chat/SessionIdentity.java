package dev.mqttchat.gateway.chat;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The username a STOMP session speaks as: fixed by its CONNECT {@code username} header or
 * its first SEND, kept in the session's attributes, and stamped on every message it
 * sends.
 */
public final class SessionIdentity {

	/** The rule every username meets, in words. */
	public static final String USERNAME_RULE = Usernames.RULE;

	private static final String ATTRIBUTE = "chat.username";

	private SessionIdentity() {
	}

	/** Whether {@code username} meets the rule (see {@link Usernames}). */
	public static boolean isValidUsername(@Nullable String username) {
		return Usernames.normalized(username) != null;
	}

	/** Fixes the session's username unless it already has one. */
	public static void fix(Map<String, Object> session, String username) {
		session.putIfAbsent(ATTRIBUTE, username);
	}

	/** The session's username, if it has been fixed. */
	public static @Nullable String of(Map<String, Object> session) {
		return (String) session.get(ATTRIBUTE);
	}

}
