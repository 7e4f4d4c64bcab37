package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.Nullable;

/**
 * What an end-to-end encrypted room takes from a browser: sealed text and no plaintext,
 * and in other rooms no sealed text; the gateway never sees a key, so it checks the
 * shape, not the content. Pictures are encrypted before upload, and the sealed text says
 * what they are.
 */
final class SealedText {

	private SealedText() {
	}

	/**
	 * The sealed text {@code request} carries, {@code null} for none; or a
	 * {@link ChatRejectedException} where it does not fit the room.
	 * @param encrypted whether the room is end-to-end encrypted
	 * @param maxTextLength the room's text limit; ciphertext may be up to 6 characters
	 * for each character of text (UTF-8, the tag and base64url)
	 */
	static MessageEnvelope.@Nullable Sealed of(SendRequest request, MessageType type, boolean encrypted,
			int maxTextLength) {
		boolean sealed = request.ciphertext() != null || request.iv() != null || request.kid() != null
				|| request.v() != null;
		if (!encrypted) {
			if (sealed) {
				throw new ChatRejectedException("not-encrypted",
						"This room is not end-to-end encrypted: send text, not ciphertext.");
			}
			return null;
		}
		if (type == MessageType.REACTION && !MessageEnvelope.isReactionTag(request.emoji())) {
			throw new ChatRejectedException("encrypted-room", "Not sent: in an end-to-end encrypted room a reaction "
					+ "carries its emoji's tag (e: and 22 base64url characters) and the emoji sealed.");
		}
		if (request.text() != null && !request.text().isEmpty()) {
			throw new ChatRejectedException("encrypted-room", "Not sent: this room is end-to-end encrypted, so the "
					+ "gateway takes only ciphertext; the page encrypts with the key in the room's link.");
		}
		if (type == MessageType.DELETE) {
			return null;
		}
		MessageEnvelope.Sealed fields = (sealed && request.v() != null && request.kid() != null && request.iv() != null
				&& request.ciphertext() != null)
						? new MessageEnvelope.Sealed(request.v(), request.kid(), request.iv(), request.ciphertext())
						: null;
		if (fields == null || !fields.isWellFormed(6 * maxTextLength + 64)) {
			throw new ChatRejectedException("invalid-ciphertext",
					"Not sent: a message of an encrypted room carries v 1, kid, a 12-byte iv and ciphertext, base64url, "
							+ "the ciphertext at most " + (6 * maxTextLength + 64) + " characters.");
		}
		return fields;
	}

}
