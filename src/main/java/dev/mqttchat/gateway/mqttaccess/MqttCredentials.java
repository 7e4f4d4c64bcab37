package dev.mqttchat.gateway.mqttaccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The per-room MQTT credentials, in the database so that every instance's broker knows
 * them: issued with a random password shown once and kept only as its hash, refused once
 * expired or revoked, removed with their room.
 */
@Component
public class MqttCredentials {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final ChatProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MqttCredentials(JdbcClient jdbc, ChatProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Issues a credential for room {@code roomId}; its password is returned this once.
	 */
	Issued issue(String roomId, @Nullable String owner) {
		// No dash in the user name: its client-id prefix, name + "-", then never has the
		// form of a gateway's client ids ({prefix}-...), whatever the gateway's prefix.
		StringBuilder username = new StringBuilder("mqtt");
		for (int i = 0; i < 20; i++) {
			username.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant expiresAt = now.plus(this.properties.mqtt().credentials().ttl());
		MqttCredential credential = new MqttCredential(username.toString(), roomId, owner, expiresAt);
		// The broker first: a credential it was never told of would be one that cannot
		// connect.
		this.events.publishEvent(new MqttCredentialIssuedEvent(credential, password));
		this.jdbc
			.sql("INSERT INTO mqtt_credential (username, room_id, password_hash, owner, created_at, expires_at) "
					+ "VALUES (:username, :room, :hash, :owner, :created, :expires)")
			.param("username", username.toString())
			.param("room", roomId)
			.param("hash", hash(password))
			.param("owner", owner)
			.param("created", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.update();
		return new Issued(credential, password);
	}

	/**
	 * The credential whose user name and password these are, if it is valid now and
	 * {@code clientId} begins with its client-id prefix.
	 */
	public Optional<MqttCredential> verify(String username, byte @Nullable [] password, String clientId) {
		if (password == null || !clientId.startsWith(MqttCredential.clientIdPrefixOf(username))) {
			return Optional.empty();
		}
		String given = hash(new String(password, StandardCharsets.UTF_8));
		return find(username).filter((row) -> matches(row.passwordHash(), given))
			.map(Row::credential)
			.filter((credential) -> !credential.isExpiredAt(this.clock.instant()));
	}

	/**
	 * The credential named {@code username} while it is valid: not expired, revoked or
	 * its room deleted.
	 */
	public Optional<MqttCredential> current(String username) {
		return find(username).map(Row::credential)
			.filter((credential) -> !credential.isExpiredAt(this.clock.instant()));
	}

	/** The user names of every credential kept, expired or not. */
	public List<String> knownUsernames() {
		return this.jdbc.sql("SELECT username FROM mqtt_credential").query(String.class).list();
	}

	/** The user names of every credential valid now. */
	public List<String> validUsernames() {
		return this.jdbc.sql("SELECT username FROM mqtt_credential WHERE expires_at > :now")
			.param("now", Timestamp.from(this.clock.instant()))
			.query(String.class)
			.list();
	}

	/**
	 * Whether {@code password} is the password of this credential of room {@code roomId}.
	 */
	boolean isPassword(String roomId, String username, String password) {
		return find(username).filter((row) -> row.credential().roomId().equals(roomId))
			.map((row) -> matches(row.passwordHash(), hash(password)))
			.orElse(false);
	}

	/** The credential {@code username} of room {@code roomId}, expired or not. */
	Optional<MqttCredential> inRoom(String roomId, String username) {
		return find(username).map(Row::credential).filter((credential) -> credential.roomId().equals(roomId));
	}

	/** Revokes a credential: its next connect is refused, and its clients here let go. */
	void revoke(String username) {
		this.jdbc.sql("DELETE FROM mqtt_credential WHERE username = :username").param("username", username).update();
		this.events.publishEvent(new MqttCredentialRevokedEvent(username));
	}

	/**
	 * Removes expired credentials (they are refused anyway) and lets their clients go.
	 */
	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void removeExpired() {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<String> expired = this.jdbc.sql("SELECT username FROM mqtt_credential WHERE expires_at <= :now")
			.param("now", now)
			.query(String.class)
			.list();
		for (String username : expired) {
			revoke(username);
		}
	}

	private Optional<Row> find(String username) {
		return this.jdbc
			.sql("SELECT username, room_id, password_hash, owner, expires_at FROM mqtt_credential "
					+ "WHERE username = :username")
			.param("username", username)
			.query((rs,
					n) -> new Row(new MqttCredential(rs.getString(1), rs.getString(2), rs.getString(4),
							rs.getTimestamp(5).toInstant()), rs.getString(3)))
			.optional();
	}

	private static boolean matches(String storedHash, String givenHash) {
		return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
				givenHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	private record Row(MqttCredential credential, String passwordHash) {
	}

	/** A credential just issued, with the password shown only now. */
	record Issued(MqttCredential credential, String password) {
	}

}
