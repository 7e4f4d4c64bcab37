package dev.mqttchat.gateway.chat;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.UnicodeText;

/**
 * What a stream entry is and who vouches for it, beside the message's own fields: its
 * {@code type}, the {@code target} it acts on, a reaction's {@code emoji}, and the
 * sender's Ed25519 {@code author} key with its {@code sig} over the signed fields
 * ({@link AuthorSignature}).
 *
 * @param type what the entry is
 * @param target the id of the message an edit, delete or reaction acts on
 * @param emoji a reaction's emoji
 * @param clientMsgId the id the sender gave the entry, part of what is signed
 * @param author the sender's public key, base64url of its 32 raw bytes
 * @param sig the signature, base64url of its 64 bytes
 * @param v in an end-to-end encrypted room, the format version of the sealed text
 * @param kid the public id of the room key it was sealed with, base64url
 * @param iv the AES-GCM IV, base64url of 12 bytes
 * @param ciphertext the sealed text with its tag, base64url
 * @param moderated {@code true} on a delete a room's owner or moderator made of someone
 * else's message; absent otherwise
 * @param until on a mute, until when (JSON {@code null} when the mute is lifted)
 * @param proof on a moderator's entry or a webhook's message between the gateway and its
 * store: the deployment's HMAC that the gateway made it ({@link ModerationProof},
 * {@link BotProof}); never stored or shown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageEnvelope(MessageType type, @Nullable String target, @Nullable String emoji,
		@Nullable String clientMsgId, @Nullable String author, @Nullable String sig, @Nullable Integer v,
		@Nullable String kid, @Nullable String iv, @Nullable String ciphertext, @Nullable Boolean moderated,
		@Nullable MuteUntil until, @Nullable String proof) {

	/** An entry no moderator made. */
	public MessageEnvelope(MessageType type, @Nullable String target, @Nullable String emoji,
			@Nullable String clientMsgId, @Nullable String author, @Nullable String sig, @Nullable Integer v,
			@Nullable String kid, @Nullable String iv, @Nullable String ciphertext) {
		this(type, target, emoji, clientMsgId, author, sig, v, kid, iv, ciphertext, null, null, null);
	}

	/** A moderator's entry: a moderated delete or a mute, with the gateway's proof. */
	public static MessageEnvelope moderation(MessageType type, String target, @Nullable String clientMsgId,
			@Nullable MuteUntil until, @Nullable String proof) {
		return new MessageEnvelope(type, target, null, clientMsgId, null, null, null, null, null, null,
				(type == MessageType.DELETE) ? Boolean.TRUE : null, until, proof);
	}

	/** This envelope without its proof, as it is stored and shown. */
	public MessageEnvelope withoutProof() {
		return (this.proof == null) ? this : withProof(null);
	}

	/** This envelope carrying {@code proof} (a gateway's, for the store). */
	public MessageEnvelope withProof(@Nullable String proof) {
		return new MessageEnvelope(this.type, this.target, this.emoji, this.clientMsgId, this.author, this.sig, this.v,
				this.kid, this.iv, this.ciphertext, this.moderated, this.until, proof);
	}

	/** Whether a room's owner or moderator made it: a moderated delete or a mute. */
	@JsonIgnore
	public boolean isModeration() {
		return Boolean.TRUE.equals(this.moderated) || this.type == MessageType.MUTE;
	}

	/** A plain message that nobody signed. */
	public static final MessageEnvelope PLAIN = new MessageEnvelope(MessageType.MESSAGE, null, null, null, null, null);

	/** An entry whose text is not sealed. */
	public MessageEnvelope(MessageType type, @Nullable String target, @Nullable String emoji,
			@Nullable String clientMsgId, @Nullable String author, @Nullable String sig) {
		this(type, target, emoji, clientMsgId, author, sig, null, null, null, null);
	}

	// One grapheme cluster may take many code units (a family emoji, a flag with a tag
	// sequence); no spaces or control characters.
	private static final Pattern EMOJI = Pattern.compile("[^\\p{Cc}\\p{Z}]{1,32}");

	private static final Pattern REACTION_TAG = Pattern.compile("e:[A-Za-z0-9_-]{22}");

	/**
	 * Whether {@code emoji} is the tag a sealed reaction carries in an end-to-end
	 * encrypted room in place of its emoji.
	 */
	public static boolean isReactionTag(@Nullable String emoji) {
		return emoji != null && REACTION_TAG.matcher(emoji).matches();
	}

	/**
	 * Whether {@code emoji} is 1-32 characters of valid Unicode without spaces or control
	 * characters.
	 */
	public static boolean isValidEmoji(@Nullable String emoji) {
		return emoji != null && EMOJI.matcher(emoji).matches() && UnicodeText.isWellFormed(emoji);
	}

	/** Whether this entry acts on another message rather than saying something. */
	@JsonIgnore
	public boolean isAction() {
		return this.type != MessageType.MESSAGE;
	}

	/** Whether its text is sealed: end-to-end encrypted. */
	@JsonIgnore
	public boolean isSealed() {
		return this.ciphertext != null;
	}

	/** This envelope with the text sealed as {@code sealed}. */
	public MessageEnvelope sealedAs(Sealed sealed) {
		return new MessageEnvelope(this.type, this.target, this.emoji, this.clientMsgId, this.author, this.sig,
				sealed.v(), sealed.kid(), sealed.iv(), sealed.ciphertext(), this.moderated, this.until, this.proof);
	}

	/**
	 * A sealed text's fields, as {@code v}, {@code kid}, {@code iv} and
	 * {@code ciphertext}.
	 */
	public record Sealed(int v, String kid, String iv, String ciphertext) {

		private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

		/**
		 * Whether the fields are of the shapes format 1 gives them, {@code ciphertext} at
		 * most {@code max} long.
		 */
		public boolean isWellFormed(int max) {
			return this.v == 1 && BASE64URL.matcher(this.kid).matches() && this.kid.length() <= 32
					&& BASE64URL.matcher(this.iv).matches() && this.iv.length() == 16
					&& BASE64URL.matcher(this.ciphertext).matches() && this.ciphertext.length() >= 22
					&& this.ciphertext.length() <= max;
		}

		/**
		 * What the signature covers in place of the text: {@code v.kid.iv.ciphertext}.
		 */
		public String signed() {
			return this.v + "." + this.kid + "." + this.iv + "." + this.ciphertext;
		}

	}

	/** The sealed text's fields, or {@code null} if the text is not sealed. */
	@JsonIgnore
	public @Nullable Sealed sealed() {
		return (this.ciphertext != null && this.v != null && this.kid != null && this.iv != null)
				? new Sealed(this.v, this.kid, this.iv, this.ciphertext) : null;
	}

	/** Whether it carries an author key and a signature. */
	@JsonIgnore
	public boolean isSigned() {
		return this.author != null && this.sig != null;
	}

}
