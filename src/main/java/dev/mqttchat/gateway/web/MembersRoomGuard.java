package dev.mqttchat.gateway.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.chat.SessionIdentity;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomCache;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.stereotype.Component;

/**
 * Whether a STOMP session may subscribe or send to a room's destination:
 * {@link RoomAccess} asked with the session's name, for every destination of a room
 * (messages, presence, typing, read markers).
 */
@Component
class MembersRoomGuard {

	private final RoomRegistry rooms;

	private final RoomCache cache;

	private final RoomAccess access;

	MembersRoomGuard(RoomRegistry rooms, RoomCache cache, RoomAccess access) {
		this.rooms = rooms;
		this.cache = cache;
		this.access = access;
	}

	/**
	 * Whether the session may reach {@code destination}; {@code true} for destinations of
	 * no issued room, which the other checks answer.
	 */
	boolean mayOpen(@Nullable String destination, @Nullable Map<String, Object> session) {
		String id = StompDestinations.roomOfAnyTopic(destination);
		if (id == null || !this.rooms.isWellFormed(id)) {
			return true;
		}
		String name = (session != null) ? SessionIdentity.of(session) : null;
		// The room from memory (its access never changes), the membership from the
		// database.
		return this.cache.find(id).map((room) -> this.access.mayOpen(room, name)).orElse(true);
	}

}
