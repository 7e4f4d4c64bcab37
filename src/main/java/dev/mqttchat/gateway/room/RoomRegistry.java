package dev.mqttchat.gateway.room;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.stereotype.Component;

/**
 * The rooms this gateway has issued, and the mapping between a room and its MQTT topic.
 * <p>
 * Rooms live in memory for now; storage that survives restarts and spans instances replaces the map later.
 */
@Component
public class RoomRegistry {

	private final Map<String, Room> rooms = new ConcurrentHashMap<>();

	private final RoomIds ids;

	private final String topicPrefix;

	RoomRegistry(ChatProperties properties) {
		this.ids = new RoomIds(properties.rooms().idLength());
		this.topicPrefix = properties.rooms().topicPrefix();
	}

	/** Issues a new private room with a fresh random id. */
	public Room create(@Nullable String name) {
		return create(name, Visibility.PRIVATE);
	}

	/** Issues a new room with a fresh random id. */
	public Room create(@Nullable String name, Visibility visibility) {
		while (true) {
			String id = this.ids.next();
			Room room = new Room(id, name, topicOf(id), Instant.now(), visibility);
			if (this.rooms.putIfAbsent(room.id(), room) == null) {
				return room;
			}
		}
	}

	/** The newest public rooms, at most {@code limit}. */
	public List<Room> publicRooms(int limit) {
		return this.rooms.values()
			.stream()
			.filter((room) -> room.visibility() == Visibility.PUBLIC)
			.sorted(Comparator.comparing(Room::createdAt).reversed())
			.limit(limit)
			.toList();
	}

	/** The issued room with this id; malformed ids are never looked up. */
	public Optional<Room> find(String id) {
		return this.ids.isWellFormed(id) ? Optional.ofNullable(this.rooms.get(id)) : Optional.empty();
	}

	/**
	 * The issued room whose id the request path spells out literally: a percent-encoded id names no room, so that
	 * only one spelling of a room's key exists.
	 */
	public Optional<Room> findLiteral(String id, String rawRequestPath) {
		return rawRequestPath.endsWith("/" + id) ? find(id) : Optional.empty();
	}

	/** The issued room living on exactly this MQTT topic, if any. */
	public Optional<Room> findByTopic(String topic) {
		String prefix = this.topicPrefix + "/";
		return topic.startsWith(prefix) ? find(topic.substring(prefix.length())) : Optional.empty();
	}

	/** The MQTT topic filter that matches every room's topic. */
	public String topicFilter() {
		return topicOf("+");
	}

	/** Whether {@code id} could be a room id at all. */
	public boolean isWellFormed(String id) {
		return this.ids.isWellFormed(id);
	}

	private String topicOf(String id) {
		return this.topicPrefix + "/" + id;
	}

}
