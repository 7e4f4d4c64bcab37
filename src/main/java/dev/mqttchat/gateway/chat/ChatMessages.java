package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.UnicodeText;

import org.springframework.stereotype.Component;

/**
 * Builds messages from what browsers send, enforcing the rules every message must meet.
 */
@Component
class ChatMessages {

	private final int maxTextLength;

	private final int maxAttachments;

	private final AttachmentLookup attachments;

	ChatMessages(ChatProperties properties, AttachmentLookup attachments) {
		this.maxTextLength = properties.messages().maxTextLength();
		this.maxAttachments = properties.attachments().maxPerMessage();
		this.attachments = attachments;
	}

	/**
	 * A message from a browser speaking as its session's user, or a
	 * {@link ChatRejectedException} saying what is wrong with it. The first valid
	 * username a session uses becomes its name for good.
	 */
	ChatMessage fromWeb(String roomId, boolean encrypted, @Nullable SendRequest request, Map<String, Object> session) {
		if (request == null) {
			throw new ChatRejectedException("malformed",
					"The message body must be JSON like " + "{\"username\": \"ada\", \"text\": \"hello\"}.");
		}
		if (!request.isValidUnicode()) {
			throw new ChatRejectedException("invalid-text", "Not sent: " + UnicodeText.RULE + ".");
		}
		String username = username(request, session);
		MessageType type = (request.type() == null) ? MessageType.MESSAGE : MessageType.of(request.type());
		if (type == null || type == MessageType.MUTE) {
			// A mute is a moderator's, which ModeratorActions builds.
			throw new ChatRejectedException("invalid-type", "type is one of message, edit, delete and reaction.");
		}
		List<MessageAttachment> pictures = attachments(roomId, type, request.attachments());
		MessageEnvelope.Sealed sealed = SealedText.of(request, type, encrypted, this.maxTextLength);
		String text = (sealed != null || (encrypted && type == MessageType.DELETE)) ? ""
				: text(type, request.text(), !pictures.isEmpty());
		String clientId = request.clientId();
		if (clientId != null && !ChatMessage.isValidClientId(clientId)) {
			throw new ChatRejectedException("invalid-client-id",
					"A clientId is 1-64 characters without control characters.");
		}
		String clientMsgId = request.clientMsgId();
		if (clientMsgId != null && !ChatMessage.isValidClientId(clientMsgId)) {
			throw new ChatRejectedException("invalid-client-msg-id",
					"A clientMsgId is 1-64 characters without control characters.");
		}
		String replyTo = request.replyTo();
		if (replyTo != null && (type != MessageType.MESSAGE || !ChatMessage.isValidClientId(replyTo))) {
			throw new ChatRejectedException("invalid-reply-to",
					"replyTo is the id of a message in this room: 1-64 characters without control characters.");
		}
		MessageEnvelope envelope = (sealed != null) ? envelope(type, request).sealedAs(sealed)
				: envelope(type, request);
		String id = (envelope.isSigned()) ? ChatMessage.idForAuthor(roomId, envelope.author(), clientMsgId)
				: (clientMsgId != null) ? ChatMessage.idFor(roomId, username, clientMsgId) : ChatMessage.newId();
		ChatMessage message = new ChatMessage(id, roomId, username, clientId, text, Instant.now(), MessageSource.WEB,
				replyTo, pictures, envelope);
		if (envelope.isSigned() && !AuthorSignature.holds(message)) {
			throw new ChatRejectedException("invalid-signature",
					"Not sent: the signature does not hold for this message's fields and author key.");
		}
		return message;
	}

	private List<MessageAttachment> attachments(String roomId, MessageType type, @Nullable List<String> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		if (type != MessageType.MESSAGE || ids.size() > this.maxAttachments
				|| !ids.stream().allMatch(MessageAttachment::isValidId)
				|| ids.stream().distinct().count() != ids.size()) {
			throw new ChatRejectedException("invalid-attachments", "attachments lists the ids of at most "
					+ this.maxAttachments + " different pictures uploaded to this room; only a message carries them.");
		}
		List<MessageAttachment> pictures = new ArrayList<>();
		for (String id : ids) {
			AttachmentLookup.Found found = this.attachments.find(roomId, id)
				.orElseThrow(() -> new ChatRejectedException("unknown-attachment",
						"Not sent: this room has no uploaded picture " + id + "; upload it first."));
			if (found.claimed()) {
				throw new ChatRejectedException("attachment-used",
						"Not sent: the picture " + id + " is in another message already; upload it again.");
			}
			pictures.add(found.attachment());
		}
		return pictures;
	}

	private String text(MessageType type, @Nullable String text, boolean pictures) {
		if (type == MessageType.DELETE || type == MessageType.REACTION) {
			if (text != null && !text.isEmpty()) {
				throw new ChatRejectedException("unexpected-text", "A " + type.wireName() + " carries no text.");
			}
			return "";
		}
		if (pictures && (text == null || text.isBlank())) {
			return "";
		}
		if (text == null || text.isBlank()) {
			throw new ChatRejectedException("empty-text", "The message text is empty.");
		}
		if (text.length() > this.maxTextLength) {
			throw new ChatRejectedException("text-too-long",
					"The message text has " + text.length() + " UTF-16 code units; the limit is " + this.maxTextLength
							+ " (an emoji or other character beyond U+FFFF takes 2).");
		}
		return text;
	}

	private static MessageEnvelope envelope(MessageType type, SendRequest request) {
		String target = request.target();
		if ((type == MessageType.MESSAGE) != (target == null)
				|| (target != null && !ChatMessage.isValidClientId(target))) {
			throw new ChatRejectedException("invalid-target", (type == MessageType.MESSAGE)
					? "Only an edit, a delete or a reaction names a target."
					: "A " + type.wireName() + " names its target: the id of a message in this room, 1-64 characters.");
		}
		String emoji = request.emoji();
		if ((type == MessageType.REACTION) != (emoji != null)
				|| (emoji != null && !MessageEnvelope.isValidEmoji(emoji))) {
			throw new ChatRejectedException("invalid-emoji",
					"A reaction carries one emoji of 1-32 characters without spaces; nothing else carries one.");
		}
		String author = request.author();
		String sig = request.sig();
		if ((author == null) != (sig == null) || (author != null && request.clientMsgId() == null)) {
			throw new ChatRejectedException("invalid-signature",
					"A signed message carries author, sig and clientMsgId; an unsigned one none of author and sig.");
		}
		if (author == null && (type == MessageType.EDIT || type == MessageType.DELETE)) {
			throw new ChatRejectedException("signature-required",
					"An edit or a delete must be signed with the key of the message's author.");
		}
		return new MessageEnvelope(type, target, emoji, request.clientMsgId(), author, sig);
	}

	private static String username(SendRequest request, Map<String, Object> session) {
		String claimed = Usernames.normalized(request.username());
		String fixed = SessionIdentity.of(session);
		if (fixed == null) {
			if (claimed == null) {
				throw new ChatRejectedException("invalid-username",
						"Not sent: " + Usernames.whyRefused(request.username()));
			}
			SessionIdentity.fix(session, claimed);
			return claimed;
		}
		if (request.username() != null && !fixed.equals(claimed)) {
			throw new ChatRejectedException("username-mismatch",
					"Not sent: this connection speaks as \"" + fixed + "\"; reconnect to use another name.");
		}
		return fixed;
	}

}
