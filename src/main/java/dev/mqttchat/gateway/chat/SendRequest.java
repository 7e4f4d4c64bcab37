package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.Nullable;

/**
 * The body of a STOMP SEND to {@code /app/rooms/{id}}.
 *
 * @param username who is speaking, 1-32 characters without control characters
 * @param text what is said
 * @param clientId optional id of the sending client
 */
record SendRequest(@Nullable String username, @Nullable String text, @Nullable String clientId) {
}
