package dev.mqttchat.gateway.mqttaccess;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.room.Room;

import org.springframework.stereotype.Component;

/**
 * Who may open a room, and so ask for its MQTT credentials: the one decision, so that
 * members rooms change it in one place.
 */
@Component
class RoomOpening {

	private final ChatProperties properties;

	RoomOpening(ChatProperties properties) {
		this.properties = properties;
	}

	/**
	 * Whether the person behind this request may open {@code room}: in {@code open} mode
	 * whoever holds its link (the request reached the room by its id), in {@code oidc}
	 * mode a signed-in person (guests may chat in link rooms, never take MQTT access).
	 */
	boolean mayOpen(Room room, @Nullable Principal principal) {
		// members rooms: RoomAccess
		return !this.properties.auth().signIn() || principal != null;
	}

}
