package dev.mqttchat.gateway.attachment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.AttachmentLookup;
import dev.mqttchat.gateway.chat.MessageAttachment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uploaded pictures and files in the database, so every instance serves them; each goes
 * with its room, with its message, or after a while if no message carries it.
 */
@Repository
class AttachmentRepository implements AttachmentLookup {

	/** A stored picture's or file's bytes and type, and a file's name. */
	record Content(String contentType, byte[] bytes, @Nullable String name) {
	}

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String roomId, MessageAttachment attachment, byte[] bytes) {
		this.jdbc
			.sql("INSERT INTO attachment (room_id, id, content_type, byte_size, width, height, name, content, "
					+ "created_at) VALUES (:room, :id, :type, :size, :width, :height, :name, :content, :createdAt)")
			.param("room", roomId)
			.param("id", attachment.id())
			.param("type", attachment.contentType())
			.param("size", bytes.length)
			.param("width", attachment.width())
			.param("height", attachment.height())
			.param("name", attachment.name())
			.param("content", bytes)
			.param("createdAt", OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
			.update();
	}

	@Override
	public Optional<Found> find(String roomId, String id) {
		return this.jdbc
			.sql("SELECT id, content_type, byte_size, width, height, name, message_id FROM attachment "
					+ "WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.query((row, index) -> new Found(
					MessageAttachment.stored(roomId, row.getString("id"), row.getString("content_type"),
							row.getLong("byte_size"), row.getInt("width"), row.getInt("height"), row.getString("name")),
					row.getString("message_id") != null))
			.optional();
	}

	Optional<Content> content(String roomId, String id) {
		return this.jdbc.sql("SELECT content_type, content, name FROM attachment WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.query((row, index) -> new Content(row.getString("content_type"), row.getBytes("content"),
					row.getString("name")))
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
