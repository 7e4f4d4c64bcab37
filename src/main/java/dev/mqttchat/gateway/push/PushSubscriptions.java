package dev.mqttchat.gateway.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The push subscriptions, in the database so that the instance that stores a message
 * finds every subscriber: each under a random id shown once and kept only as its hash,
 * one per endpoint, with its rooms and the room its page is showing.
 */
class PushSubscriptions {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	PushSubscriptions(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Subscriptions from {@code address}, besides one for {@code endpoint}. */
	long countFrom(String address, String endpoint) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM push_subscription WHERE address = :address AND endpoint <> :endpoint")
			.param("address", address)
			.param("endpoint", endpoint)
			.query(Long.class)
			.single();
	}

	/** Registers a subscription (replacing one of its endpoint); its id is shown once. */
	String register(Subscriber subscriber, String name, String address, List<PushRoom> rooms) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String id = P256.base64Url(secret);
		String hash = hash(id);
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("DELETE FROM push_subscription WHERE endpoint = :endpoint")
				.param("endpoint", subscriber.endpoint())
				.update();
			this.jdbc
				.sql("INSERT INTO push_subscription (id_hash, endpoint, p256dh, auth, username, address, created_at) "
						+ "VALUES (:hash, :endpoint, :p256dh, :auth, :username, :address, :created)")
				.param("hash", hash)
				.param("endpoint", subscriber.endpoint())
				.param("p256dh", subscriber.p256dh())
				.param("auth", subscriber.auth())
				.param("username", name)
				.param("address", address)
				.param("created", Timestamp.from(Instant.now()))
				.update();
			insertRooms(hash, rooms);
		});
		return id;
	}

	/**
	 * Gives subscription {@code id} these rooms, and this name, endpoint and keys if
	 * given; whether there is one.
	 */
	boolean update(String id, @Nullable Subscriber subscriber, @Nullable String name, List<PushRoom> rooms) {
		String hash = hashOf(id);
		if (hash == null) {
			return false;
		}
		return Boolean.TRUE.equals(this.transactions.execute((status) -> {
			int found = (name != null)
					? this.jdbc.sql("UPDATE push_subscription SET username = :name WHERE id_hash = :hash")
						.param("name", name)
						.param("hash", hash)
						.update()
					: this.jdbc.sql("SELECT COUNT(*) FROM push_subscription WHERE id_hash = :hash")
						.param("hash", hash)
						.query(Integer.class)
						.single();
			if (found == 0) {
				return false;
			}
			if (subscriber != null) {
				// The browser may have renewed its subscription: the endpoint is this
				// one's now, and any other registration of it goes.
				this.jdbc.sql("DELETE FROM push_subscription WHERE endpoint = :endpoint AND id_hash <> :hash")
					.param("endpoint", subscriber.endpoint())
					.param("hash", hash)
					.update();
				this.jdbc
					.sql("UPDATE push_subscription SET endpoint = :endpoint, p256dh = :p256dh, auth = :auth "
							+ "WHERE id_hash = :hash")
					.param("endpoint", subscriber.endpoint())
					.param("p256dh", subscriber.p256dh())
					.param("auth", subscriber.auth())
					.param("hash", hash)
					.update();
			}
			this.jdbc.sql("DELETE FROM push_room WHERE subscription = :hash").param("hash", hash).update();
			insertRooms(hash, rooms);
			return true;
		}));
	}

	/** Ends subscription {@code id}; whether there was one. */
	boolean delete(String id) {
		String hash = hashOf(id);
		return hash != null && deleteByHash(hash);
	}

	/**
	 * Ends the subscription stored under {@code hash}: its push service said it is gone.
	 */
	boolean deleteByHash(String hash) {
		return this.jdbc.sql("DELETE FROM push_subscription WHERE id_hash = :hash").param("hash", hash).update() > 0;
	}

	/**
	 * Notes that {@code id}'s page shows {@code roomId} (or none) until {@code until}.
	 */
	boolean showing(String id, @Nullable String roomId, Instant until) {
		String hash = hashOf(id);
		return hash != null && this.jdbc
			.sql("UPDATE push_subscription SET showing_room = :room, showing_until = :until WHERE id_hash = :hash")
			.param("room", roomId)
			.param("until", (roomId != null) ? Timestamp.from(until) : null)
			.param("hash", hash)
			.update() > 0;
	}

	/** Who is notified of room {@code roomId} now: not the devices showing it. */
	List<Recipient> recipients(String roomId, Instant now) {
		return this.jdbc
			.sql("SELECT s.id_hash, s.endpoint, s.p256dh, s.auth, s.username, r.notify "
					+ "FROM push_room r JOIN push_subscription s ON s.id_hash = r.subscription WHERE r.room_id = :room "
					+ "AND (s.showing_room IS NULL OR s.showing_room <> :room OR s.showing_until <= :now)")
			.param("room", roomId)
			.param("now", Timestamp.from(now))
			.query((row, index) -> new Recipient(row.getString("id_hash"),
					new Subscriber(row.getString("endpoint"), row.getString("p256dh"), row.getString("auth")),
					row.getString("username"),
					Objects.requireNonNullElse(Notify.of(row.getString("notify")), Notify.MENTIONS)))
			.list();
	}

	private void insertRooms(String hash, List<PushRoom> rooms) {
		for (PushRoom room : rooms) {
			this.jdbc.sql("INSERT INTO push_room (subscription, room_id, notify) VALUES (:hash, :room, :notify)")
				.param("hash", hash)
				.param("room", room.id())
				.param("notify", room.level().wireName())
				.update();
		}
	}

	private static @Nullable String hashOf(String id) {
		return ID.matcher(id).matches() ? hash(id) : null;
	}

	private static String hash(String id) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	/** A browser's subscription: where to push, and the keys to encrypt for. */
	record Subscriber(String endpoint, String p256dh, String auth) {
	}

	/** One room of a subscription and what it is notified of there. */
	record PushRoom(String id, Notify level) {
	}

	/** A subscription to notify, stored under {@code hash}, for {@code name}. */
	record Recipient(String hash, Subscriber subscriber, String name, Notify level) {
	}

}
