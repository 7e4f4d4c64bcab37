package dev.mqttchat.gateway.presence;

import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.room.RoomDeletedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * A deleted room's readers on this instance, told at once: its roster and read markers
 * go, and every subscriber of its presence topic gets {@code {"type":"deleted"}}, for a
 * room deleted through this instance as for one announced by another.
 */
@Component
public class RoomDeletions {

	private final RoomPresence presence;

	private final ReadMarkers markers;

	private final SimpMessageSendingOperations stomp;

	RoomDeletions(RoomPresence presence, ReadMarkers markers, SimpMessageSendingOperations stomp) {
		this.presence = presence;
		this.markers = markers;
		this.stomp = stomp;
	}

	/** Room {@code roomId} no longer exists (checked by the caller). */
	public void deleted(String roomId) {
		this.presence.forget(roomId);
		this.markers.forget(roomId);
		this.stomp.convertAndSend(StompDestinations.roomTopic(roomId, StompDestinations.PRESENCE),
				PresenceNotice.deleted());
	}

	@EventListener
	void onDeleted(RoomDeletedEvent event) {
		deleted(event.roomId());
	}

}
