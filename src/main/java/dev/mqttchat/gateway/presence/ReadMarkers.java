package dev.mqttchat.gateway.presence;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mqttchat.gateway.StompDestinations;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * Each room's read markers across instances, kept from the retained read topics: per
 * username the greatest {@code seq} any of their connections has read. A marker that
 * moves a reader forward is told to the room's STOMP subscribers.
 */
@Component
public class ReadMarkers {

	private final Map<String, Map<String, ReadMarker>> rooms = new HashMap<>();

	private final SimpMessageSendingOperations stomp;

	ReadMarkers(SimpMessageSendingOperations stomp) {
		this.stomp = stomp;
	}

	/**
	 * Takes {@code marker} for room {@code roomId} unless the reader was further already.
	 */
	public void update(String roomId, ReadMarker marker) {
		synchronized (this) {
			Map<String, ReadMarker> room = this.rooms.computeIfAbsent(roomId, (id) -> new HashMap<>());
			ReadMarker known = room.get(marker.username());
			if (known != null && known.seq() >= marker.seq()) {
				return;
			}
			room.put(marker.username(), marker);
		}
		this.stomp.convertAndSend(StompDestinations.roomTopic(roomId, StompDestinations.READ),
				new ReadNotice(marker.username(), marker.seq(), marker.source()));
	}

	/**
	 * The greatest {@code seq} {@code username} has read in room {@code roomId}, or 0.
	 */
	public synchronized long seqOf(String roomId, String username) {
		ReadMarker known = this.rooms.getOrDefault(roomId, Map.of()).get(username);
		return (known != null) ? known.seq() : 0;
	}

	/** Every reader's marker in room {@code roomId}, by username. */
	public synchronized List<ReadMarker> of(String roomId) {
		return this.rooms.getOrDefault(roomId, Map.of())
			.values()
			.stream()
			.sorted(Comparator.comparing(ReadMarker::username))
			.toList();
	}

	/** Forgets a deleted room. */
	public synchronized void forget(String roomId) {
		this.rooms.remove(roomId);
	}

}
