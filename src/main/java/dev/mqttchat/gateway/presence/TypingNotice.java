package dev.mqttchat.gateway.presence;

/**
 * What subscribers of {@code /topic/rooms/{id}/typing} receive: someone is typing.
 *
 * @param username who is typing
 * @param source {@code web} or {@code mqtt}
 */
record TypingNotice(String username, String source) {
}
