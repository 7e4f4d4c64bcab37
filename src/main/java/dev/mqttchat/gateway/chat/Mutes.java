package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is muted in which room until when, kept in the database by the store as it keeps
 * each mute entry, so a mute holds on every instance and across restarts.
 */
@Component
public class Mutes {

	private final JdbcClient jdbc;

	public Mutes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Until when {@code username} is muted in room {@code roomId}, if they are now. */
	public Optional<Instant> until(String roomId, String username) {
		return this.jdbc.sql("SELECT until_at FROM room_mutes WHERE room_id = :room AND username = :username")
			.param("room", roomId)
			.param("username", username)
			.query((row, index) -> row.getObject("until_at", OffsetDateTime.class).toInstant())
			.optional()
			.filter((until) -> until.isAfter(Instant.now()));
	}

	/**
	 * Why {@code username} may not send in room {@code roomId} now, in words, if a
	 * moderator muted them: every refused send (message, action, typing) says it alike.
	 */
	public Optional<String> refusal(String roomId, String username) {
		return until(roomId, username)
			.map((until) -> "Not sent: a moderator muted you in this room until " + until + ".");
	}

	/** Mutes {@code username} in room {@code roomId} until {@code until}, or lifts it. */
	public void set(String roomId, String username, @Nullable Instant until) {
		this.jdbc.sql("DELETE FROM room_mutes WHERE room_id = :room AND username = :username")
			.param("room", roomId)
			.param("username", username)
			.update();
		if (until != null) {
			this.jdbc.sql("INSERT INTO room_mutes (room_id, username, until_at) VALUES (:room, :username, :until)")
				.param("room", roomId)
				.param("username", username)
				.param("until", OffsetDateTime.ofInstant(until.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
				.update();
		}
	}

}
