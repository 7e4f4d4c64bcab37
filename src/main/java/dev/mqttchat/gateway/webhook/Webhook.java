package dev.mqttchat.gateway.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A room's incoming webhook, as {@code GET /api/rooms/{id}/webhooks} lists it: never its
 * token.
 *
 * @param id its id, for revoking it
 * @param roomId the room it posts to
 * @param name its label, also the name it posts under unless a post gives one
 * @param createdAt when it was created
 */
record Webhook(String id, String roomId, @Nullable String name, Instant createdAt) {
}
