package dev.mqttchat.gateway.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.UnicodeText;

/**
 * The body of a STOMP SEND to {@code /app/rooms/{id}}.
 *
 * @param username who is speaking, 1-32 characters without control characters
 * @param text what is said
 * @param clientId optional id of the sending client
 * @param clientMsgId optional id the client gave this message, 1-64 characters: the
 * sender's receipts name it, and a SEND repeated with it is stored once
 * @param replyTo optional id of the message this one answers
 * @param type {@code message} (the default), {@code edit}, {@code delete} or
 * {@code reaction}
 * @param target the id of the message an action acts on
 * @param emoji a reaction's emoji
 * @param author the sender's Ed25519 public key, base64url
 * @param sig the signature over the signed fields, base64url
 * @param attachments the ids of pictures uploaded to the room that the message carries
 * @param v in an end-to-end encrypted room, the sealed text's format version
 * @param kid the room key's public id
 * @param iv the AES-GCM IV, base64url
 * @param ciphertext the sealed text, base64url
 * @param minutes a mute's length in minutes (0 lifts it)
 */
record SendRequest(@Nullable String username, @Nullable String text, @Nullable String clientId,
		@Nullable String clientMsgId, @Nullable String replyTo, @Nullable String type, @Nullable String target,
		@Nullable String emoji, @Nullable String author, @Nullable String sig, @Nullable List<String> attachments,
		@Nullable Integer v, @Nullable String kid, @Nullable String iv, @Nullable String ciphertext,
		@Nullable Integer minutes) {

	/**
	 * Whether its text is {@link UnicodeText#isText text} and every other string it
	 * carries is {@link UnicodeText#isWellFormed well formed}: a lone surrogate anywhere
	 * could not be written to the room's subscribers.
	 */
	boolean isValidUnicode() {
		return UnicodeText.isText(this.text) && UnicodeText.allWellFormed(this.username, this.clientId,
				this.clientMsgId, this.replyTo, this.type, this.target, this.emoji, this.author, this.sig,
				this.attachments, this.kid, this.iv, this.ciphertext);
	}

}
