package dev.mqttchat.gateway.history;

import dev.mqttchat.gateway.chat.ChatMessage;

/**
 * An entry the store refused to keep, published as an application event once the storing
 * transaction commits, so its sender can be told why.
 *
 * @param entry the refused entry
 * @param reason the refusal's code, as in the metric's {@code reason} tag
 * @param detail what was wrong, in words
 */
public record EntryRefused(ChatMessage entry, String reason, String detail) {
}
