package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;

/**
 * What an instance publishes on a room's deleted topic when the room was deleted through
 * it, so that every other instance forgets the room at once. The topic alone says which
 * room; the body is for readers of the topic.
 *
 * @param roomId the deleted room
 * @param instance the id of the gateway instance it was deleted through
 */
record RoomDeletedAnnouncement(String roomId, String instance) {

	byte[] toJson() {
		// Room ids are [A-Za-z0-9] and instance ids [A-Za-z0-9_-]: nothing to escape.
		return ("{\"roomId\":\"" + this.roomId + "\",\"instance\":\"" + this.instance + "\"}")
			.getBytes(StandardCharsets.US_ASCII);
	}

}
