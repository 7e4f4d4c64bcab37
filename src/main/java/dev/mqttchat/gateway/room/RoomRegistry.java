package dev.mqttchat.gateway.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;

/**
 * The issued rooms, kept in the database so that they outlive a restart and every gateway instance knows them, and
 * the mapping between a room and its MQTT topics. Rooms found once are remembered, since every bridged message asks.
 */
@Component
public class RoomRegistry {

	private static final String LIVE_SUFFIX = "/live";

	private final Map<String, Room> known = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final RoomIds ids;

	private final String topicPrefix;

	private final RoomRows rows;

	private final JdbcAggregateTemplate aggregates;

	RoomRegistry(ChatProperties properties, RoomRows rows, JdbcAggregateTemplate aggregates) {
		this.ids = new RoomIds(properties.rooms().idLength());
		this.topicPrefix = properties.rooms().topicPrefix();
		this.rows = rows;
		this.aggregates = aggregates;
	}

	/** Issues a new private room with a fresh random id. */
	public Room create(@Nullable String name) {
		return create(name, Visibility.PRIVATE).room();
	}

	/** Issues a new room with a fresh random id and a secret owner token, which is returned this once. */
	public IssuedRoom create(@Nullable String name, Visibility visibility) {
		String id = this.ids.next();
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		// Microseconds: what both H2 and PostgreSQL keep, so a room reads back exactly as it was issued.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		RoomRow row = new RoomRow(id, name, topicOf(id), (visibility == Visibility.PUBLIC) ? "public" : "private",
				hash(token), now, 0);
		this.aggregates.insert(row);
		Room room = row.toRoom();
		this.known.put(id, room);
		return new IssuedRoom(room, token);
	}

	/** The newest public rooms, at most {@code limit}. */
	public List<Room> publicRooms(int limit) {
		return this.rows.newestPublic(limit).stream().map(RoomRow::toRoom).toList();
	}

	/** The issued room with this id; malformed ids are never looked up. */
	public Optional<Room> find(String id) {
		if (!this.ids.isWellFormed(id)) {
			return Optional.empty();
		}
		Room room = this.known.get(id);
		if (room != null) {
			return Optional.of(room);
		}
		Optional<Room> stored = this.rows.findById(id).map(RoomRow::toRoom);
		stored.ifPresent((found) -> this.known.put(id, found));
		return stored;
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

	/** The issued room whose live topic ({@code {prefix}/{id}/live}) this is, if any. */
	public Optional<Room> findByLiveTopic(String topic) {
		String prefix = this.topicPrefix + "/";
		if (!topic.startsWith(prefix) || !topic.endsWith(LIVE_SUFFIX)) {
			return Optional.empty();
		}
		return find(topic.substring(prefix.length(), topic.length() - LIVE_SUFFIX.length()));
	}

	/** Whether {@code token} is the owner token of room {@code id}; compared in constant time. */
	public boolean isOwner(String id, String token) {
		return this.rows.findById(id)
			.map((row) -> MessageDigest.isEqual(row.ownerTokenHash().getBytes(StandardCharsets.US_ASCII),
					hash(token).getBytes(StandardCharsets.US_ASCII)))
			.orElse(false);
	}

	/** Removes a room and, with it, its history; its topic is no longer bridged. */
	public void delete(String id) {
		this.known.remove(id);
		this.rows.deleteById(id);
	}

	/** The MQTT topic filter that matches every room's topic. */
	public String topicFilter() {
		return topicOf("+");
	}

	/** The MQTT topic filter that matches every room's live topic. */
	public String liveTopicFilter() {
		return topicOf("+") + LIVE_SUFFIX;
	}

	/** The live topic of a room, on which the gateway announces each stored message to every instance. */
	public String liveTopicOf(String id) {
		return topicOf(id) + LIVE_SUFFIX;
	}

	/** Whether {@code id} could be a room id at all. */
	public boolean isWellFormed(String id) {
		return this.ids.isWellFormed(id);
	}

	private String topicOf(String id) {
		return this.topicPrefix + "/" + id;
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	/**
	 * A room just issued, with the owner token that is shown only now.
	 *
	 * @param room the room
	 * @param ownerToken the secret that allows deleting it
	 */
	public record IssuedRoom(Room room, String ownerToken) {
	}

}
