package dev.mqttchat.gateway.presence;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.mqttchat.gateway.room.Room;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is in a room and how far each has read: {@code GET /api/rooms/{id}/presence} and
 * {@code GET /api/rooms/{id}/read}.
 */
@RestController
@Tag(name = "Presence")
class PresenceController {

	private final RoomPresence presence;

	private final ReadMarkers markers;

	PresenceController(RoomPresence presence, ReadMarkers markers) {
		this.presence = presence;
		this.markers = markers;
	}

	@GetMapping("/api/rooms/{id}/presence")
	@Operation(summary = "Who is in a room now",
			description = "One entry per username and proven author key (author, when there is one), across every "
					+ "gateway instance and MQTT client, sorted by name.")
	List<PresenceMember> presence(Room room) {
		return this.presence.members(room.id());
	}

	@GetMapping("/api/rooms/{id}/read")
	@Operation(summary = "How far each reader has read",
			description = "Each username's greatest read seq, sorted by name; readers who keep their reading "
					+ "private are not there.")
	List<ReadMarker> read(Room room) {
		return this.markers.of(room.id());
	}

}
