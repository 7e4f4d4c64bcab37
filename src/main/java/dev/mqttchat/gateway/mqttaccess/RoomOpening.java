package dev.mqttchat.gateway.mqttaccess;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomAccess;

import org.springframework.stereotype.Component;

/**
 * Who may open a room, and so ask for its MQTT credentials: the one decision, so that
 * members rooms change it in one place.
 */
@Component
class RoomOpening {

	private final ChatProperties properties;

	private final RoomAccess access;

	RoomOpening(ChatProperties properties, RoomAccess access) {
		this.properties = properties;
		this.access = access;
	}

	/**
	 * Whether the person behind this request may open {@code room}: in {@code open} mode
	 * whoever holds its link (the request reached the room by its id), in {@code oidc}
	 * mode a signed-in person who may open the room (anyone signed in for a link room, a
	 * member for a members room; guests may chat in link rooms, never take MQTT access).
	 */
	boolean mayOpen(Room room, @Nullable Principal principal) {
		if (!this.properties.auth().signIn()) {
			return true;
		}
		// The room's path already answered 404 to a non-member; this keeps the rule here
		// too, should the room reach this class another way.
		return principal != null && this.access.mayOpen(room, principal.getName());
	}

}
