package dev.mqttchat.gateway.history;

import dev.mqttchat.gateway.chat.ChatMessage;

/**
 * A message to store, as it arrived.
 *
 * @param message the message
 * @param possibleRepeat whether it may be a repeat of a message stored before under
 * another id: a redelivery of a message that had no id of its own, such as plain MQTT
 * text, whose first delivery may have been stored just before its acknowledgement was
 * lost
 */
public record Incoming(ChatMessage message, boolean possibleRepeat) {
}
