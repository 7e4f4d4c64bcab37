package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.stereotype.Component;

/** Builds messages from what browsers send, enforcing the rules every message must meet. */
@Component
class ChatMessages {

	private static final Pattern USERNAME = Pattern.compile("(?=.*\\S)\\P{Cc}{1,32}");

	private static final Pattern CLIENT_ID = Pattern.compile("\\P{Cc}{1,64}");

	private final int maxTextLength;

	ChatMessages(ChatProperties properties) {
		this.maxTextLength = properties.messages().maxTextLength();
	}

	/** A message from a browser, or a {@link ChatRejectedException} saying what is wrong with it. */
	ChatMessage fromWeb(String roomId, @Nullable SendRequest request) {
		if (request == null) {
			throw new ChatRejectedException("malformed", "The message body must be JSON like "
					+ "{\"username\": \"ada\", \"text\": \"hello\"}.");
		}
		String username = (request.username() != null) ? request.username().strip() : null;
		if (!isValidUsername(username)) {
			throw new ChatRejectedException("invalid-username",
					"A username is 1-32 characters, not only spaces, without control characters.");
		}
		String text = request.text();
		if (text == null || text.isBlank()) {
			throw new ChatRejectedException("empty-text", "The message text is empty.");
		}
		if (text.length() > this.maxTextLength) {
			throw new ChatRejectedException("text-too-long",
					"The message text has " + text.length() + " characters; the limit is " + this.maxTextLength + ".");
		}
		String clientId = request.clientId();
		if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
			throw new ChatRejectedException("invalid-client-id",
					"A clientId is 1-64 characters without control characters.");
		}
		return new ChatMessage(newId(), roomId, username, clientId, text, Instant.now(), MessageSource.WEB);
	}

	static boolean isValidUsername(@Nullable String username) {
		return username != null && USERNAME.matcher(username).matches();
	}

	static boolean isValidClientId(@Nullable String clientId) {
		return clientId != null && CLIENT_ID.matcher(clientId).matches();
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

}
