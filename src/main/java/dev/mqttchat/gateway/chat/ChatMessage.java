package dev.mqttchat.gateway.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One chat message, the same JSON on the STOMP side and on the MQTT topic.
 * <p>
 * The server never needs to understand {@code text}: it may be ciphertext.
 *
 * @param id unique per message; clients de-duplicate by it
 * @param roomId the room it was said in
 * @param username who said it; {@code null} for plain MQTT text without one
 * @param clientId the sender's client id, if it gave one
 * @param text what was said
 * @param sentAt when the gateway (or the MQTT sender) stamped it
 * @param source {@code web} or {@code mqtt}
 */
public record ChatMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
		Instant sentAt, MessageSource source) {
}
