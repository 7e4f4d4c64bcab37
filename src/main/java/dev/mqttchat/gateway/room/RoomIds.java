package dev.mqttchat.gateway.room;

import java.security.SecureRandom;

/**
 * Draws room ids from {@code [A-Za-z0-9]} with {@link SecureRandom} and tells well-formed
 * ids from the rest.
 */
public final class RoomIds {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final SecureRandom random = new SecureRandom();

	private final int length;

	public RoomIds(int length) {
		this.length = length;
	}

	/** A new random id of the configured length. */
	public String next() {
		char[] id = new char[this.length];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
		}
		return new String(id);
	}

	/**
	 * Whether {@code candidate} has exactly the configured length and only ASCII letters
	 * and digits.
	 */
	public boolean isWellFormed(String candidate) {
		if (candidate.length() != this.length) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			boolean alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
			if (!alphanumeric) {
				return false;
			}
		}
		return true;
	}

}
