package dev.mqttchat.gateway.room;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A room in {@code GET /api/rooms/mine}: the usual fields plus the caller's role.
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
 * @param role the caller's role: owner, moderator or member
 */
record MyRoomResponse(String id, @Nullable String name, String topic, String destination, String sendDestination,
		Instant createdAt, Visibility visibility, boolean encrypted, Access access, Role role) {

	static MyRoomResponse of(RoomMembers.MemberRoom mine, RoomTopicResolver topics) {
		Room room = mine.room();
		return new MyRoomResponse(room.id(), room.name(), topics.topicOf(room.id()), room.destination(),
				room.sendDestination(), room.createdAt(), room.visibility(), room.encrypted(), room.access(),
				mine.role());
	}

}
