package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.Nullable;

/**
 * The body of a STOMP SEND to {@code /app/rooms/{id}}.
 *
 * @param username who is speaking, 1-32 characters without control characters
 * @param text what is said
 * @param clientId optional id of the sending client
 * @param clientMsgId optional id the client gave this message, 1-64 characters: the
 * sender's receipts name it, and a SEND repeated with it is stored once
 */
record SendRequest(@Nullable String username, @Nullable String text, @Nullable String clientId,
		@Nullable String clientMsgId, @Nullable String replyTo) {
}
