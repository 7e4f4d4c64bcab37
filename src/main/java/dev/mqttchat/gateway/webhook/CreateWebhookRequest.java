package dev.mqttchat.gateway.webhook;

import org.jspecify.annotations.Nullable;

/**
 * The optional body of {@code POST /api/rooms/{id}/webhooks}.
 *
 * @param name a label, such as {@code CI}: also the name its messages go under unless a
 * post gives one; held to the rule for usernames
 */
record CreateWebhookRequest(@Nullable String name) {
}
