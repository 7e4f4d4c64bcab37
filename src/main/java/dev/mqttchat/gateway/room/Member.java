package dev.mqttchat.gateway.room;

/**
 * One member of a room, as {@code /api/rooms/{id}/members} shows it.
 *
 * @param username the signed-in name
 * @param role owner, moderator or member
 */
public record Member(String username, Role role) {
}
