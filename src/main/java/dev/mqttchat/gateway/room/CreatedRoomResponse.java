package dev.mqttchat.gateway.room;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A room as {@code POST /api/rooms} returns it: the usual fields plus the owner token,
 * shown this once.
 *
 * @param id the room id
 * @param name display name, if any
 * @param topic the MQTT topic of the room
 * @param destination the STOMP destination to subscribe to
 * @param sendDestination the STOMP destination to send to
 * @param createdAt when the room was issued
 * @param visibility {@code private} or {@code public}
 * @param encrypted whether its messages are end-to-end encrypted
 * @param access {@code link} or {@code members}
 * @param ownerToken the secret that allows {@code DELETE /api/rooms/{id}}
 */
record CreatedRoomResponse(String id, @Nullable String name, String topic, String destination, String sendDestination,
		Instant createdAt, Visibility visibility, boolean encrypted, Access access, String ownerToken) {

	static CreatedRoomResponse of(RoomRegistry.IssuedRoom issued, RoomTopicResolver topics) {
		Room room = issued.room();
		return new CreatedRoomResponse(room.id(), room.name(), topics.topicOf(room.id()), room.destination(),
				room.sendDestination(), room.createdAt(), room.visibility(), room.encrypted(), room.access(),
				issued.ownerToken());
	}

}
