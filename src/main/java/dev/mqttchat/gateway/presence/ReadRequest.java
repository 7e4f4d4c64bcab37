package dev.mqttchat.gateway.presence;

import org.jspecify.annotations.Nullable;

/**
 * A read marker as a browser sends it to {@code /app/rooms/{id}/read}.
 *
 * @param seq the newest message the reader has seen
 */
record ReadRequest(@Nullable Long seq) {
}
