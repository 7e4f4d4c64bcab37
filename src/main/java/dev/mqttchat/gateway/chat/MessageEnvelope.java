package dev.mqttchat.gateway.chat;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageEnvelope(MessageType type, @Nullable String target, @Nullable String emoji,
		@Nullable String clientMsgId, @Nullable String author, @Nullable String sig) {

	/** A plain message that nobody signed. */
	public static final MessageEnvelope PLAIN = new MessageEnvelope(MessageType.MESSAGE, null, null, null, null, null);

	// One grapheme cluster may take many code units (a family emoji, a flag with a tag
	// sequence); no spaces or control characters.
	private static final Pattern EMOJI = Pattern.compile("[^\\p{Cc}\\p{Z}]{1,32}");

	/** Whether {@code emoji} is 1-32 characters without spaces or control characters. */
	public static boolean isValidEmoji(@Nullable String emoji) {
		return emoji != null && EMOJI.matcher(emoji).matches();
	}

	/** Whether this entry acts on another message rather than saying something. */
	@JsonIgnore
	public boolean isAction() {
		return this.type != MessageType.MESSAGE;
	}

	/** Whether it carries an author key and a signature. */
	@JsonIgnore
	public boolean isSigned() {
		return this.author != null && this.sig != null;
	}

}
