package dev.mqttchat.gateway.presence;

import java.time.Instant;

/**
 * How far one reader has read a room.
 *
 * @param username the reader
 * @param seq the newest message they have seen
 * @param source {@code web} or {@code mqtt}
 * @param at when this instance learnt it
 */
public record ReadMarker(String username, long seq, String source, Instant at) {
}
