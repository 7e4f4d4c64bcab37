package dev.mqttchat.gateway.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageLookup;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores each message once, numbered per room, and reads history back. Batches are stored
 * in one transaction with one counter update per room, under the room rows' locks and the
 * storing lease, so there is one order and no gaps.
 */
@Repository
public class MessageStore implements MessageLookup {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SequencedInserter inserter;

	private final StoreLease lease;

	private final MessageRows rows;

	private final ReactionReader reactions;

	private final EditReader edits;

	private final Map<MessageSource, Counter> stored = new EnumMap<>(MessageSource.class);

	MessageStore(JdbcClient jdbc, SequencedInserter inserter, TransactionTemplate transactions, StoreLease lease,
			MessageRows rows, ReactionReader reactions, EditReader edits, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.reactions = reactions;
		this.edits = edits;
		this.inserter = inserter;
		this.lease = lease;
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
		return storeAll(List.of(new Incoming(message, false)), null, Duration.ZERO).stream().findFirst();
	}

	/**
	 * Stores a batch in one transaction, each message once and as its room's next, in the
	 * order given; what was stored before (same id, or a repeat of plain text) and what
	 * belongs to deleted rooms is left out.
	 * @param batch the messages, in arrival order
	 * @param holder the instance that must hold the storing lease, confirmed in the same
	 * transaction ({@link StoreLease#confirm}); {@code null} for none
	 * @param lease how long the renewed lease lasts
	 * @return the newly stored messages, in order
	 * @throws LeaseLostException if {@code holder} no longer holds the lease
	 */
	public List<StoredMessage> storeAll(List<Incoming> batch, @Nullable String holder, Duration lease) {
		List<StoredMessage> stored;
		try {
			// Optimistic: a batch rarely repeats a stored message, and the unique key
			// says when it does.
			stored = insertAll(batch, holder, lease, false);
		}
		catch (DuplicateKeyException ex) {
			// A redelivery or a retried SEND: everything rolled back, counters
			// included; once more, looking up each message first.
			stored = insertAll(batch, holder, lease, true);
		}
		for (StoredMessage message : Objects.requireNonNull(stored)) {
			this.stored.get(message.source()).increment();
		}
		return stored;
	}

	private List<StoredMessage> insertAll(List<Incoming> batch, @Nullable String holder, Duration lease,
			boolean lookUpEach) {
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			if (holder != null && !this.lease.confirm(holder, lease)) {
				throw new LeaseLostException(holder);
			}
			return this.inserter.insert(batch, lookUpEach);
		}));
	}

	@Override
	public Optional<StoredMessage> findById(String roomId, String id) {
		return this.jdbc.sql("SELECT " + MessageRows.COLUMNS + " FROM message WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.query(this.rows::read)
			.optional()
			.map(this::current);
	}

	/** The message at {@code seq} in a room, if it is still stored. */
	public Optional<StoredMessage> find(String roomId, long seq) {
		return this.jdbc.sql("SELECT " + MessageRows.COLUMNS + " FROM message WHERE room_id = :room AND seq = :seq")
			.param("room", roomId)
			.param("seq", seq)
			.query(this.rows::read)
			.optional()
			.map(this::current);
	}

	/** The newest {@code seq} stored in a room, 0 if none. */
	public long latestSeq(String roomId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM message WHERE room_id = :room")
			.param("room", roomId)
			.query(Long.class)
			.single();
	}

	/**
	 * A page of a room's history in ascending order: the newest {@code limit} before
	 * {@code before}, or, with only {@code after}, the oldest {@code limit} after it, so
	 * that a reader catching up never skips one.
	 */
	public List<StoredMessage> page(String roomId, @Nullable Long before, @Nullable Long after, int limit) {
		boolean catchingUp = after != null && before == null;
		String sql = "SELECT " + MessageRows.COLUMNS
				+ " FROM message WHERE room_id = :room AND seq > :after AND seq < :before " + "ORDER BY seq "
				+ (catchingUp ? "ASC" : "DESC") + " LIMIT :limit";
		List<StoredMessage> page = new ArrayList<>(this.jdbc.sql(sql)
			.param("room", roomId)
			.param("after", (after != null) ? after : 0L)
			.param("before", (before != null) ? before : Long.MAX_VALUE)
			.param("limit", limit)
			.query(this.rows::read)
			.list());
		if (!catchingUp) {
			Collections.reverse(page);
		}
		return this.edits.current(roomId, this.reactions.current(roomId, page));
	}

	/** {@code entry} as it stands now: its reactions, and the edit its text is from. */
	private StoredMessage current(StoredMessage entry) {
		return this.edits.current(entry.roomId(), List.of(this.reactions.current(entry))).get(0);
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

	static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

}
