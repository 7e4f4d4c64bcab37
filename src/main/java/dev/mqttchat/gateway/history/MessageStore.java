package dev.mqttchat.gateway.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores each message once, numbered per room, and reads history back. The room row's
 * counter hands out the next sequence number under a row lock, so writers on several
 * instances agree on one order.
 */
@Repository
public class MessageStore {

	private static final String COLUMNS = "id, room_id, username, client_id, text, sent_at, source, seq";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Map<MessageSource, Counter> stored = new EnumMap<>(MessageSource.class);

	MessageStore(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		for (MessageSource source : MessageSource.values()) {
			this.stored.put(source,
					Counter.builder("chat.messages.stored")
						.description("Messages stored, each once, by where they entered the conversation")
						.tag("source", source.name().toLowerCase())
						.register(meters));
		}
	}

	/**
	 * Stores {@code message} as its room's next message.
	 * @param message the message to store
	 * @return it as stored, or empty if it was stored before (same id) or its room no
	 * longer exists
	 */
	public Optional<StoredMessage> store(ChatMessage message) {
		try {
			Optional<StoredMessage> stored = Optional
				.ofNullable(this.transactions.execute((status) -> insert(message)));
			stored.ifPresent((done) -> this.stored.get(done.source()).increment());
			return stored;
		}
		catch (DuplicateKeyException ex) {
			// A redelivery, or another writer stored the same message a moment ago: the
			// insert's unique key rolled back the whole transaction, sequence number
			// included, so it is stored once, as it should be.
			return Optional.empty();
		}
	}

	private @Nullable StoredMessage insert(ChatMessage message) {
		int rooms = this.jdbc.sql("UPDATE room SET last_seq = last_seq + 1 WHERE id = :room")
			.param("room", message.roomId())
			.update();
		if (rooms == 0) {
			return null;
		}
		long seq = this.jdbc.sql("SELECT last_seq FROM room WHERE id = :room")
			.param("room", message.roomId())
			.query(Long.class)
			.single();
		OffsetDateTime sentAt = timestamp(message.sentAt());
		this.jdbc
			.sql("INSERT INTO message (" + COLUMNS + ", stored_at) VALUES "
					+ "(:id, :room, :username, :clientId, :text, :sentAt, :source, :seq, :storedAt)")
			.param("id", message.id())
			.param("room", message.roomId())
			.param("username", message.username())
			.param("clientId", message.clientId())
			.param("text", message.text())
			.param("sentAt", sentAt)
			.param("source", (message.source() == MessageSource.WEB) ? "web" : "mqtt")
			.param("seq", seq)
			.param("storedAt", timestamp(Instant.now()))
			.update();
		// As the database keeps it, so the live copy and history are the same JSON to the
		// microsecond.
		return StoredMessage.of(message, seq, sentAt.toInstant());
	}

	/** The message at {@code seq} in a room, if it is still stored. */
	public Optional<StoredMessage> find(String roomId, long seq) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE room_id = :room AND seq = :seq")
			.param("room", roomId)
			.param("seq", seq)
			.query(MessageStore::read)
			.optional();
	}

	/**
	 * A page of a room's history in ascending order: the newest {@code limit} before
	 * {@code before}, or, with only {@code after}, the oldest {@code limit} after it, so
	 * that a reader catching up never skips one.
	 */
	public List<StoredMessage> page(String roomId, @Nullable Long before, @Nullable Long after, int limit) {
		boolean catchingUp = after != null && before == null;
		String sql = "SELECT " + COLUMNS + " FROM message WHERE room_id = :room AND seq > :after AND seq < :before "
				+ "ORDER BY seq " + (catchingUp ? "ASC" : "DESC") + " LIMIT :limit";
		List<StoredMessage> page = new ArrayList<>(this.jdbc.sql(sql)
			.param("room", roomId)
			.param("after", (after != null) ? after : 0L)
			.param("before", (before != null) ? before : Long.MAX_VALUE)
			.param("limit", limit)
			.query(MessageStore::read)
			.list());
		if (!catchingUp) {
			Collections.reverse(page);
		}
		return page;
	}

	/**
	 * Removes messages older than {@code cutoff} and all but the newest
	 * {@code keepPerRoom} of each room.
	 * @return how many messages were removed
	 */
	public int enforceRetention(Instant cutoff, int keepPerRoom) {
		int old = this.jdbc.sql("DELETE FROM message WHERE stored_at < :cutoff")
			.param("cutoff", timestamp(cutoff))
			.update();
		int surplus = this.jdbc
			.sql("DELETE FROM message WHERE seq <= "
					+ "(SELECT r.last_seq FROM room r WHERE r.id = message.room_id) - :keep")
			.param("keep", keepPerRoom)
			.update();
		return old + surplus;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	private static StoredMessage read(ResultSet row, int index) throws SQLException {
		return new StoredMessage(row.getString("id"), row.getString("room_id"), row.getString("username"),
				row.getString("client_id"), row.getString("text"),
				row.getObject("sent_at", OffsetDateTime.class).toInstant(),
				"web".equals(row.getString("source")) ? MessageSource.WEB : MessageSource.MQTT, row.getLong("seq"));
	}

}
