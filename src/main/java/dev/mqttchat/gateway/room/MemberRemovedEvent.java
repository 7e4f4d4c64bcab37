package dev.mqttchat.gateway.room;

/**
 * Someone was taken out of a room: their open subscriptions to it close at once, here and
 * (through the bridge) on every other instance.
 *
 * @param roomId the room
 * @param username who was removed
 */
public record MemberRemovedEvent(String roomId, String username) {
}
