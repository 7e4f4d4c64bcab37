package dev.mqttchat.gateway.presence;

/**
 * What subscribers of {@code /topic/rooms/{id}/read} receive when a reader moves on.
 *
 * @param username the reader
 * @param seq the newest message they have seen
 * @param source {@code web} or {@code mqtt}
 */
record ReadNotice(String username, long seq, String source) {
}
