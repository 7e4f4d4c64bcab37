package dev.mqttchat.gateway.room;

/**
 * A room was deleted through this instance; the bridge tells the other instances.
 *
 * @param roomId the deleted room's id
 */
public record RoomDeletedEvent(String roomId) {
}
