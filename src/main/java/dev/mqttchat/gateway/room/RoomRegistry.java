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
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issued rooms, kept in the database so that they outlive a restart and every gateway
 * instance knows them. Every lookup here reads the database, so a room deleted through
 * any instance is gone for all of them at once.
 */
@Component
public class RoomRegistry {

	private final SecureRandom random = new SecureRandom();

	private final RoomIds ids;

	private final RoomRepository repository;

	private final JdbcAggregateTemplate aggregates;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<RoomMembers> members;

	RoomRegistry(ChatProperties properties, RoomRepository repository, JdbcAggregateTemplate aggregates,
			ApplicationEventPublisher events, ObjectProvider<RoomMembers> members) {
		this.members = members;
		this.ids = new RoomIds(properties.rooms().idLength());
		this.repository = repository;
		this.aggregates = aggregates;
		this.events = events;
	}

	/**
	 * Issues a room that is not end-to-end encrypted, as
	 * {@link #create(String, Visibility, boolean)}.
	 */
	public IssuedRoom create(@Nullable String name, Visibility visibility) {
		return create(name, visibility, false);
	}

	/**
	 * Issues a new room with a fresh random id and a secret owner token, which is
	 * returned this once.
	 */
	public IssuedRoom create(@Nullable String name, Visibility visibility, boolean encrypted) {
		return create(name, visibility, encrypted, Access.LINK, null);
	}

	/**
	 * Issues a new room as {@link #create(String, Visibility, boolean)}, with
	 * {@code access}, and {@code owner} (when signed in) as its owner member.
	 */
	@Transactional
	public IssuedRoom create(@Nullable String name, Visibility visibility, boolean encrypted, Access access,
			@Nullable String owner) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		// Microseconds: what both H2 and PostgreSQL keep, so a room reads back exactly as
		// it was issued.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		RoomRow row = new RoomRow(this.ids.next(), name, (visibility == Visibility.PUBLIC) ? "public" : "private",
				hash(token), now, encrypted, access.wireName());
		this.aggregates.insert(row);
		if (owner != null) {
			this.members.getObject().put(row.id(), owner, Role.OWNER);
		}
		return new IssuedRoom(row.toRoom(), token);
	}

	/** The newest public rooms, at most {@code limit}. */
	public List<Room> publicRooms(int limit) {
		return this.repository.newestPublic(limit).stream().map(RoomRow::toRoom).toList();
	}

	/** The issued room with this id; malformed ids are never looked up. */
	public Optional<Room> find(String id) {
		return isWellFormed(id) ? this.repository.findById(id).map(RoomRow::toRoom) : Optional.empty();
	}

	/**
	 * Whether {@code token} is the owner token of room {@code id}; compared in constant
	 * time.
	 */
	public boolean isOwner(String id, String token) {
		return this.repository.findById(id)
			.map((row) -> MessageDigest.isEqual(row.ownerTokenHash().getBytes(StandardCharsets.US_ASCII),
					hash(token).getBytes(StandardCharsets.US_ASCII)))
			.orElse(false);
	}

	/**
	 * Removes a room and, with it, its history, and tells whoever listens (the bridge
	 * tells other instances).
	 */
	public void delete(String id) {
		this.repository.deleteById(id);
		this.events.publishEvent(new RoomDeletedEvent(id));
	}

	/** Whether {@code id} could be a room id at all. */
	public boolean isWellFormed(String id) {
		return this.ids.isWellFormed(id);
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
