package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Browser messages accepted while the broker could not be reached, kept in the database
 * in the order they came until they are seen stored.
 */
@Repository
class OutboxRepository {

	private static final TypeReference<List<MessageAttachment>> ATTACHMENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	// The column's JSON is a storage format of its own, unchanged by the web's JSON
	// settings.
	private final JsonMapper json = JsonMapper.builder().build();

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps {@code message} unless the outbox holds {@code max} messages already.
	 * @return whether it is in the outbox now
	 */
	boolean add(ChatMessage message, int max) {
		try {
			return this.jdbc
				.sql("INSERT INTO outbox (id, room_id, username, client_id, text, sent_at, queued_at, reply_to, type, "
						+ "target, emoji, client_msg_id, author, sig, attachments, v, kid, iv, ciphertext, moderated, until_at, "
						+ "proof, bot, thread_id) SELECT :id, :room, " + ":username, :clientId, "
						+ ":text, :sentAt, :queuedAt, :replyTo, :type, :target, :emoji, :clientMsgId, :author, :sig, "
						+ ":attachments, :v, :kid, :iv, :ciphertext, :moderated, :until, :proof, :bot, :threadId "
						+ "WHERE (SELECT COUNT(*) FROM outbox) < :max")
				.param("id", message.id())
				.param("room", message.roomId())
				.param("username", message.username())
				.param("clientId", message.clientId())
				.param("text", message.text())
				.param("sentAt", utc(message.sentAt()))
				.param("queuedAt", utc(Instant.now()))
				.param("replyTo", message.replyTo())
				.param("type", message.envelope().type().wireName())
				.param("target", message.envelope().target())
				.param("emoji", message.envelope().emoji())
				.param("clientMsgId", message.envelope().clientMsgId())
				.param("author", message.envelope().author())
				.param("sig", message.envelope().sig())
				.param("attachments",
						message.attachments().isEmpty() ? null : this.json.writeValueAsString(message.attachments()))
				.param("v", message.envelope().v())
				.param("kid", message.envelope().kid())
				.param("iv", message.envelope().iv())
				.param("ciphertext", message.envelope().ciphertext())
				.param("moderated", message.envelope().moderated())
				.param("until", until(message.envelope().until()))
				.param("proof", message.envelope().proof())
				.param("bot", message.bot())
				.param("threadId", message.threadId())
				.param("max", max)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			// A repeat of a SEND that is waiting already.
			return true;
		}
	}

	boolean contains(String roomId, String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single();
	}

	/** A kept message and when it was last published, if ever. */
	record Entry(ChatMessage message, @Nullable Instant publishedAt) {
	}

	/** The oldest {@code limit} messages, in the order they were accepted. */
	List<Entry> oldest(int limit) {
		return this.jdbc
			.sql("SELECT id, room_id, username, client_id, text, sent_at, published_at, reply_to, type, target, "
					+ "emoji, client_msg_id, author, sig, attachments, v, kid, iv, ciphertext, moderated, until_at, proof, bot, "
					+ "thread_id FROM outbox " + "ORDER BY position LIMIT :limit")
			.param("limit", limit)
			.query((row, index) -> {
				OffsetDateTime published = row.getObject("published_at", OffsetDateTime.class);
				MessageType type = MessageType.of(row.getString("type"));
				MessageEnvelope envelope = new MessageEnvelope((type != null) ? type : MessageType.MESSAGE,
						row.getString("target"), row.getString("emoji"), row.getString("client_msg_id"),
						row.getString("author"), row.getString("sig"), row.getObject("v", Integer.class),
						row.getString("kid"), row.getString("iv"), row.getString("ciphertext"),
						row.getObject("moderated", Boolean.class),
						(type == MessageType.MUTE)
								? new MuteUntil(until(row.getObject("until_at", OffsetDateTime.class))) : null,
						row.getString("proof"));
				String attachments = row.getString("attachments");
				return new Entry(
						new ChatMessage(row.getString("id"), row.getString("room_id"), row.getString("username"),
								row.getString("client_id"), row.getString("text"),
								row.getObject("sent_at", OffsetDateTime.class).toInstant(), MessageSource.WEB,
								row.getString("reply_to"),
								(attachments != null) ? this.json.readValue(attachments, ATTACHMENTS) : List.of(),
								envelope, row.getBoolean("bot"), row.getString("thread_id")),
						(published != null) ? published.toInstant() : null);
			})
			.list();
	}

	void published(ChatMessage message) {
		this.jdbc.sql("UPDATE outbox SET published_at = :now WHERE room_id = :room AND id = :id")
			.param("now", utc(Instant.now()))
			.param("room", message.roomId())
			.param("id", message.id())
			.update();
	}

	void remove(String roomId, String id) {
		this.jdbc.sql("DELETE FROM outbox WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.update();
	}

	private static @Nullable OffsetDateTime until(@Nullable MuteUntil until) {
		return (until != null && until.at() != null) ? utc(until.at()) : null;
	}

	private static @Nullable Instant until(@Nullable OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

}
