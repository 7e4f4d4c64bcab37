package dev.mqttchat.gateway.attachment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.mqttchat.gateway.chat.AttachmentLookup;
import dev.mqttchat.gateway.chat.MessageAttachment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uploaded pictures in the database, so every instance serves them; a picture goes with
 * its room, with its message, or after a while if no message carries it.
 */
@Repository
class AttachmentRepository implements AttachmentLookup {

	/** A stored picture's bytes and type. */
	record Content(String contentType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String roomId, String id, String contentType, int width, int height, byte[] bytes) {
		this.jdbc
			.sql("INSERT INTO attachment (room_id, id, content_type, byte_size, width, height, content, created_at) "
					+ "VALUES (:room, :id, :type, :size, :width, :height, :content, :createdAt)")
			.param("room", roomId)
			.param("id", id)
			.param("type", contentType)
			.param("size", bytes.length)
			.param("width", width)
			.param("height", height)
			.param("content", bytes)
			.param("createdAt", OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
			.update();
	}

	@Override
	public Optional<Found> find(String roomId, String id) {
		return this.jdbc
			.sql("SELECT id, content_type, byte_size, width, height, message_id FROM attachment "
					+ "WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.query((row,
					index) -> new Found(
							new MessageAttachment(row.getString("id"),
									MessageAttachment.urlOf(roomId, row.getString("id")), row.getString("content_type"),
									row.getLong("byte_size"), row.getInt("width"), row.getInt("height")),
							row.getString("message_id") != null))
			.optional();
	}

	Optional<Content> content(String roomId, String id) {
		return this.jdbc.sql("SELECT content_type, content FROM attachment WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.query((row, index) -> new Content(row.getString("content_type"), row.getBytes("content")))
			.optional();
	}

	/**
	 * Removes pictures uploaded before {@code cutoff} that no message carries; how many.
	 */
	int removeUnclaimed(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM attachment WHERE message_id IS NULL AND created_at < :cutoff")
			.param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.update();
	}

}
