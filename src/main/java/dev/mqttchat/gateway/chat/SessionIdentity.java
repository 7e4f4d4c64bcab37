package dev.mqttchat.gateway.chat;

import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.UnicodeText;

/**
 * The username a STOMP session speaks as: fixed by its CONNECT {@code username} header or
 * its first SEND, kept in the session's attributes, and stamped on every message it
 * sends.
 */
public final class SessionIdentity {

	/** The rule every username meets, in words. */
	public static final String USERNAME_RULE = "a username is 1-32 characters, not only spaces, without control "
			+ "characters.";

	private static final String ATTRIBUTE = "chat.username";

	private static final Pattern USERNAME = Pattern.compile("(?=.*\\S)\\P{Cc}{1,32}");

	private SessionIdentity() {
	}

	/** Whether {@code username} meets the rule, and is valid Unicode. */
	public static boolean isValidUsername(@Nullable String username) {
		return username != null && USERNAME.matcher(username).matches() && UnicodeText.isWellFormed(username);
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
