package dev.mqttchat.gateway.bridge;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.UnicodeText;
import dev.mqttchat.gateway.chat.AuthorSignature;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageAttachment;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.MessageType;
import dev.mqttchat.gateway.chat.MuteUntil;
import dev.mqttchat.gateway.chat.Usernames;

/**
 * Reads the gateway's message JSON from an MQTT payload: a message, or an edit, delete or
 * reaction, whose signature must hold if it carries one.
 */
final class WireMessageReader {

	private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final int MAX_ATTACHMENTS = 20;

	/** What a JSON payload turned out to be: a message, or why it is dropped. */
	record Outcome(@Nullable ChatMessage message, boolean ownId, @Nullable String dropReason) {

		static Outcome drop(String reason) {
			return new Outcome(null, false, reason);
		}

	}

	private WireMessageReader() {
	}

	/**
	 * The entry {@code wire} holds for room {@code roomId}, {@code null} if it is no
	 * message JSON at all (then its text is shown as it is).
	 */
	static @Nullable Outcome read(String roomId, WireMessage wire) {
		if (!isValidUnicode(wire)) {
			// The JSON escape of U+D800, say, reads as a lone surrogate: no UTF-8 for it.
			return Outcome.drop("invalid-unicode");
		}
		MessageType type = (wire.type() == null) ? MessageType.MESSAGE
				: (wire.type() instanceof String name) ? MessageType.of(name) : null;
		if (type == null) {
			// An event of a later version, say: nothing to show as a message.
			return Outcome.drop("unknown-type");
		}
		boolean action = type != MessageType.MESSAGE;
		String body = (wire.text() instanceof String s) ? s : null;
		List<MessageAttachment> pictures = action ? List.of() : attachments(wire.attachments());
		MessageEnvelope.Sealed sealed = sealed(wire);
		if (!action && body == null && pictures.isEmpty() && sealed == null) {
			return null;
		}
		String target = validId(wire.target());
		String emoji = (wire.emoji() instanceof String s && MessageEnvelope.isValidEmoji(s)) ? s : null;
		if (wire.username() instanceof String s && Usernames.deceptive(s) != null) {
			return Outcome.drop("deceptive-username");
		}
		String username = (wire.username() instanceof String s) ? Usernames.normalized(s) : null;
		if (action && (target == null || (type == MessageType.REACTION && (emoji == null || username == null))
				|| (type == MessageType.EDIT && body == null && sealed == null))) {
			return Outcome.drop("invalid-action");
		}
		String author = (wire.author() instanceof String s) ? s : null;
		String sig = (wire.sig() instanceof String s) ? s : null;
		String clientMsgId = (wire.clientMsgId() instanceof String s && ChatMessage.isValidClientId(s)) ? s : null;
		boolean moderated = Boolean.TRUE.equals(wire.moderated()) && type == MessageType.DELETE;
		MessageEnvelope plain = new MessageEnvelope(type, target, (type == MessageType.REACTION) ? emoji : null,
				clientMsgId, author, sig, null, null, null, null, moderated ? Boolean.TRUE : null,
				(type == MessageType.MUTE) ? new MuteUntil(until(wire.until())) : null,
				(wire.proof() instanceof String s) ? s : null);
		MessageEnvelope envelope = (sealed != null) ? plain.sealedAs(sealed) : plain;
		boolean ownId = wire.id() instanceof String s && MESSAGE_ID.matcher(s).matches();
		String id = ownId ? (String) wire.id() : ChatMessage.newId();
		if (envelope.isSigned() && clientMsgId != null) {
			// A signed entry's id follows from its key and clientMsgId, so a replay is
			// the
			// same entry.
			id = ChatMessage.idForAuthor(roomId, author, clientMsgId);
			ownId = true;
		}
		String clientId = (wire.clientId() instanceof String s && ChatMessage.isValidClientId(s)) ? s : null;
		MessageSource source = "web".equals(wire.source()) ? MessageSource.WEB : MessageSource.MQTT;
		// A reply's target is kept as given when well formed; a page shows it unresolved
		// if the room has no such message.
		String replyTo = action ? null : validId(wire.replyTo());
		String text = (type == MessageType.DELETE || type == MessageType.REACTION || body == null || sealed != null)
				? "" : body;
		// A bot mark stays only where the store finds a gateway's proof for it
		// (BotProof).
		boolean bot = !action && Boolean.TRUE.equals(wire.bot());
		// Kept as given for now: the store derives it from replyTo and corrects it.
		String threadId = (replyTo != null) ? validId(wire.threadId()) : null;
		ChatMessage message = new ChatMessage(id, roomId, username, clientId, String.valueOf(text),
				sentAt(wire.sentAt()), source, replyTo, pictures, envelope, bot, threadId);
		if ((author != null || sig != null) && !AuthorSignature.holds(message)) {
			return Outcome.drop("bad-signature");
		}
		// A moderator's entry goes unsigned: the store checks its proof.
		if ((type == MessageType.EDIT || (type == MessageType.DELETE && !moderated)) && !envelope.isSigned()) {
			return Outcome.drop("unsigned-action");
		}
		return new Outcome(message, ownId, null);
	}

	/**
	 * The pictures named, by id (objects with an {@code id}, or ids): the store describes
	 * them as they were uploaded, and keeps only those uploaded to the room.
	 */
	private static List<MessageAttachment> attachments(@Nullable Object value) {
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		List<MessageAttachment> named = new ArrayList<>();
		for (Object item : list.subList(0, Math.min(list.size(), MAX_ATTACHMENTS))) {
			Object id = (item instanceof Map<?, ?> map) ? map.get("id") : item;
			if (id instanceof String s && MessageAttachment.isValidId(s)) {
				named.add(new MessageAttachment(s, "", "", 0, 0, 0));
			}
		}
		return named;
	}

	private static MessageEnvelope.@Nullable Sealed sealed(WireMessage wire) {
		return (wire.v() instanceof Integer v && wire.kid() instanceof String kid && wire.iv() instanceof String iv
				&& wire.ciphertext() instanceof String ciphertext) ? new MessageEnvelope.Sealed(v, kid, iv, ciphertext)
						: null;
	}

	private static boolean isValidUnicode(WireMessage wire) {
		return (!(wire.text() instanceof String text) || UnicodeText.isText(text))
				&& UnicodeText.allWellFormed(wire.id(), wire.username(), wire.clientId(), wire.text(), wire.sentAt(),
						wire.source(), wire.replyTo(), wire.type(), wire.target(), wire.emoji(), wire.clientMsgId(),
						wire.author(), wire.sig(), wire.attachments(), wire.v(), wire.kid(), wire.iv(),
						wire.ciphertext(), wire.until(), wire.proof(), wire.threadId());
	}

	private static @Nullable Instant until(@Nullable Object value) {
		try {
			return (value instanceof String s) ? Instant.parse(s) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable String validId(@Nullable Object value) {
		return (value instanceof String s && ChatMessage.isValidClientId(s)) ? s : null;
	}

	private static Instant sentAt(@Nullable Object value) {
		if (value instanceof String s) {
			try {
				return Instant.parse(s);
			}
			catch (DateTimeParseException ex) {
				// A sender's clock format is not worth dropping its message over.
			}
		}
		return Instant.now();
	}

	/**
	 * The JSON fields read from MQTT, loosely typed so that wrong types are caught here
	 * rather than thrown.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record WireMessage(@Nullable Object id, @Nullable Object username, @Nullable Object clientId, @Nullable Object text,
			@Nullable Object sentAt, @Nullable Object source, @Nullable Object replyTo, @Nullable Object type,
			@Nullable Object target, @Nullable Object emoji, @Nullable Object clientMsgId, @Nullable Object author,
			@Nullable Object sig, @Nullable Object attachments, @Nullable Object v, @Nullable Object kid,
			@Nullable Object iv, @Nullable Object ciphertext, @Nullable Object moderated, @Nullable Object until,
			@Nullable Object proof, @Nullable Object bot, @Nullable Object threadId) {
	}

}
