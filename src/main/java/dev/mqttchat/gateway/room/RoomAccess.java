package dev.mqttchat.gateway.room;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The one rule for who may open a room, on every path (REST, history, presence, read
 * markers, pictures, STOMP SUBSCRIBE and SEND): a link room is open to whoever holds its
 * id; a members room only to its members, asked of the database each time so that a
 * removal holds at once.
 */
@Component
public class RoomAccess {

	private final RoomMembers members;

	RoomAccess(RoomMembers members) {
		this.members = members;
	}

	/**
	 * Whether {@code name} may open {@code room}.
	 * @param room the room
	 * @param name the signed-in name (or a guest's, or a typed one in open mode),
	 * {@code null} for nobody
	 */
	public boolean mayOpen(Room room, @Nullable String name) {
		if (room.access() == Access.LINK) {
			return true;
		}
		return name != null && this.members.roleOf(room.id(), name).isPresent();
	}

	/** {@code name}'s role in room {@code roomId}, empty for nobody or a non-member. */
	public Optional<Role> roleOf(String roomId, @Nullable String name) {
		return (name != null) ? this.members.roleOf(roomId, name) : Optional.empty();
	}

}
