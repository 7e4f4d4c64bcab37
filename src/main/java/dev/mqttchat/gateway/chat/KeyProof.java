package dev.mqttchat.gateway.chat;

import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * A STOMP session's proof that it holds an author key: the key's Ed25519 signature over
 * the netstrings of {@code mqtt-chat-key/1} and a nonce the server gave that session. The
 * first netstring differs from a message's ({@link AuthorSignature#VERSION}), so a
 * message's signature is never a proof, nor a proof a message's signature.
 */
public final class KeyProof {

	/** The first netstring of the signed bytes: the proof's name and version. */
	public static final String VERSION = "mqtt-chat-key/1";

	/**
	 * The length of an author key as messages carry it: base64url of 32 bytes, unpadded.
	 */
	private static final int KEY_LENGTH = 43;

	private static final SecureRandom random = new SecureRandom();

	private KeyProof() {
	}

	/** A fresh nonce: 32 random bytes in base64url without padding. */
	public static String newNonce() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The bytes a client signs to prove its key for {@code nonce}. */
	public static byte[] signedBytes(String nonce) {
		return AuthorSignature.netstrings(VERSION, nonce);
	}

	/**
	 * Whether {@code sig} proves {@code author} for {@code nonce}; the key only in its
	 * unpadded form, as messages carry it (it is compared as text).
	 */
	public static boolean holds(@Nullable String author, @Nullable String nonce, @Nullable String sig) {
		return author != null && author.length() == KEY_LENGTH && nonce != null
				&& AuthorSignature.verifies(author, sig, signedBytes(nonce));
	}

}
