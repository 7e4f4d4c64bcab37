package dev.mqttchat.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rooms' incoming webhooks, in the database so that every instance knows them: each
 * with a random token shown once and kept only as its hash, removed with its room.
 */
@Component
class Webhooks {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final String COLUMNS = "id, room_id, name, created_at";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	Webhooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates a webhook for room {@code roomId}; its token is returned this once. */
	Issued create(String roomId, @Nullable String name) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Webhook webhook = new Webhook(UUID.randomUUID().toString(), roomId, name,
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		this.jdbc
			.sql("INSERT INTO webhook (id, room_id, name, token_hash, created_at) "
					+ "VALUES (:id, :room, :name, :hash, :created)")
			.param("id", webhook.id())
			.param("room", roomId)
			.param("name", name)
			.param("hash", hash(token))
			.param("created", Timestamp.from(webhook.createdAt()))
			.update();
		return new Issued(webhook, token);
	}

	/** Room {@code roomId}'s webhooks, oldest first. */
	List<Webhook> list(String roomId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE room_id = :room ORDER BY created_at, id")
			.param("room", roomId)
			.query(Webhooks::read)
			.list();
	}

	long count(String roomId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook WHERE room_id = :room")
			.param("room", roomId)
			.query(Long.class)
			.single();
	}

	/** Revokes webhook {@code id} of room {@code roomId}; whether there was one. */
	boolean delete(String roomId, String id) {
		return this.jdbc.sql("DELETE FROM webhook WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.update() > 0;
	}

	/** The webhook whose token this is, if it is one (not revoked, its room there). */
	Optional<Webhook> byToken(String token) {
		if (!TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		// Looked up by the token's hash: a lookup by a hash of 256 random bits gives
		// nothing away by its timing.
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhook WHERE token_hash = :hash")
			.param("hash", hash(token))
			.query(Webhooks::read)
			.optional();
	}

	private static Webhook read(ResultSet row, int index) throws SQLException {
		return new Webhook(row.getString("id"), row.getString("room_id"), row.getString("name"),
				row.getTimestamp("created_at").toInstant());
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

	/** A webhook just created, with the token shown only now. */
	record Issued(Webhook webhook, String token) {
	}

}
