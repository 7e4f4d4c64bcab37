package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.stereotype.Component;

/**
 * Builds messages from what browsers send, enforcing the rules every message must meet.
 */
@Component
class ChatMessages {

	private final int maxTextLength;

	ChatMessages(ChatProperties properties) {
		this.maxTextLength = properties.messages().maxTextLength();
	}

	/**
	 * A message from a browser speaking as its session's user, or a
	 * {@link ChatRejectedException} saying what is wrong with it. The first valid
	 * username a session uses becomes its name for good.
	 */
	ChatMessage fromWeb(String roomId, @Nullable SendRequest request, Map<String, Object> session) {
		if (request == null) {
			throw new ChatRejectedException("malformed",
					"The message body must be JSON like " + "{\"username\": \"ada\", \"text\": \"hello\"}.");
		}
		String username = username(request, session);
		String text = request.text();
		if (text == null || text.isBlank()) {
			throw new ChatRejectedException("empty-text", "The message text is empty.");
		}
		if (text.length() > this.maxTextLength) {
			throw new ChatRejectedException("text-too-long",
					"The message text has " + text.length() + " characters; the limit is " + this.maxTextLength + ".");
		}
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
		if (replyTo != null && !ChatMessage.isValidClientId(replyTo)) {
			throw new ChatRejectedException("invalid-reply-to",
					"replyTo is the id of a message in this room: 1-64 characters without control characters.");
		}
		String id = (clientMsgId != null) ? ChatMessage.idFor(roomId, username, clientMsgId) : ChatMessage.newId();
		return new ChatMessage(id, roomId, username, clientId, text, Instant.now(), MessageSource.WEB, replyTo);
	}

	private static String username(SendRequest request, Map<String, Object> session) {
		String claimed = (request.username() != null) ? request.username().strip() : null;
		String fixed = SessionIdentity.of(session);
		if (fixed == null) {
			if (!SessionIdentity.isValidUsername(claimed)) {
				throw new ChatRejectedException("invalid-username", "Not sent: " + SessionIdentity.USERNAME_RULE);
			}
			SessionIdentity.fix(session, claimed);
			return claimed;
		}
		if (claimed != null && !claimed.equals(fixed)) {
			throw new ChatRejectedException("username-mismatch",
					"Not sent: this connection speaks as \"" + fixed + "\"; reconnect to use another name.");
		}
		return fixed;
	}

}
