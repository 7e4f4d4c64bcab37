package dev.mqttchat.gateway.room;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The rooms the message path has met, remembered because every bridged message asks. A
 * room deleted anywhere is forgotten: here through its {@link RoomDeletedEvent}, on other
 * instances when the bridge hears of it. Even a stale entry cannot store a message in a
 * deleted room, since storing needs the room's row.
 */
@Component
public class RoomCache {

	private final Map<String, Room> known = new ConcurrentHashMap<>();

	private final RoomRegistry registry;

	RoomCache(RoomRegistry registry) {
		this.registry = registry;
	}

	/** The issued room with this id, from memory when it was met before. */
	public Optional<Room> find(String id) {
		Room room = this.known.get(id);
		if (room != null) {
			return Optional.of(room);
		}
		Optional<Room> stored = this.registry.find(id);
		stored.ifPresent((found) -> this.known.put(id, found));
		return stored;
	}

	/** Forgets room {@code id}, deleted through another instance. */
	public void forget(String id) {
		this.known.remove(id);
	}

	/** Forgets every room, e.g. after a time in which deletions may have been missed. */
	public void forgetAll() {
		this.known.clear();
	}

	@EventListener
	void onDeleted(RoomDeletedEvent event) {
		forget(event.roomId());
	}

}
