package dev.mqttchat.gateway.chat;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The username a STOMP session speaks as: fixed by its CONNECT {@code username} header or
 * its first SEND, kept in the session's attributes, and stamped on every message it
 * sends; and the author key the session proved it holds ({@link KeyProof}), if any.
 */
public final class SessionIdentity {

	/** The rule every username meets, in words. */
	public static final String USERNAME_RULE = Usernames.RULE;

	private static final String ATTRIBUTE = "chat.username";

	private static final String KEY_ATTRIBUTE = "chat.authorKey";

	private static final String NONCE_ATTRIBUTE = "chat.keyNonce";

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

	/**
	 * Fixes the session's username to the one its sign-in gives, over any name it typed.
	 */
	public static void sign(Map<String, Object> session, String username) {
		session.put(ATTRIBUTE, username);
	}

	/** The session's username, if it has been fixed. */
	public static @Nullable String of(Map<String, Object> session) {
		return (String) session.get(ATTRIBUTE);
	}

	/** Fixes the session's proven author key unless it already has one. */
	static void proveKey(Map<String, Object> session, String author) {
		session.putIfAbsent(KEY_ATTRIBUTE, author);
	}

	/** The author key the session proved it holds, or {@code null} for none. */
	public static @Nullable String keyOf(Map<String, Object> session) {
		return (String) session.get(KEY_ATTRIBUTE);
	}

	/** A new nonce for the session to sign; it replaces any earlier one. */
	static String challenge(Map<String, Object> session) {
		String nonce = KeyProof.newNonce();
		session.put(NONCE_ATTRIBUTE, nonce);
		return nonce;
	}

	/** The session's nonce, taken: each one proves at most once. */
	static @Nullable String takeChallenge(Map<String, Object> session) {
		return (String) session.remove(NONCE_ATTRIBUTE);
	}

}
