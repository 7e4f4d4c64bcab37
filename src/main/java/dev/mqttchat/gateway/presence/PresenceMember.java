package dev.mqttchat.gateway.presence;

import java.time.Instant;

/**
 * One person in a room's roster, however many tabs or connections they have.
 *
 * @param username who is there
 * @param source {@code web} if any of their connections is a browser, else {@code mqtt}
 * @param since when their earliest connection came
 */
public record PresenceMember(String username, String source, Instant since) {
}
