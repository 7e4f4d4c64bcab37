package dev.mqttchat.gateway.history;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.mqttchat.gateway.chat.ActionRules;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageAttachment;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.MuteUntil;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inserts a batch inside the caller's transaction: each room locked once, each message
 * numbered as its room's next, one counter update per room, one batched insert.
 */
@Component
public class SequencedInserter {

	private static final int[] ROW_TYPES = { Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.TIMESTAMP_WITH_TIMEZONE, Types.BOOLEAN, Types.VARCHAR,
			Types.TIMESTAMP_WITH_TIMEZONE };

	/** How far back a redelivered message without an id is looked for. */
	private static final int REPEAT_WINDOW = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	private final ActionApplier actions;

	private final EntryGate gate;

	private final AttachmentClaims attachments;

	private final MessageRows columns;

	private final ThreadLinks threads;

	SequencedInserter(JdbcClient jdbc, JdbcTemplate batches, ActionApplier actions, EntryGate gate,
			AttachmentClaims attachments, MessageRows columns, ThreadLinks threads) {
		this.threads = threads;
		this.jdbc = jdbc;
		this.batches = batches;
		this.actions = actions;
		this.gate = gate;
		this.attachments = attachments;
		this.columns = columns;
	}

	/**
	 * Inserts {@code batch}; with {@code lookUpEach}, messages stored before are looked
	 * up one by one and left out, otherwise the unique key refuses the whole batch if one
	 * was.
	 */
	List<StoredMessage> insert(List<Incoming> batch, boolean lookUpEach) {
		Map<String, List<Incoming>> byRoom = new TreeMap<>();
		for (Incoming incoming : batch) {
			byRoom.computeIfAbsent(incoming.message().roomId(), (room) -> new ArrayList<>()).add(incoming);
		}
		// Rooms are locked in one order, so writers never wait for each other in a
		// circle.
		Map<String, Long> counters = new HashMap<>();
		Set<String> encrypted = new HashSet<>();
		this.jdbc.sql("SELECT id, last_seq, encrypted FROM room WHERE id IN (:rooms) ORDER BY id FOR UPDATE")
			.param("rooms", byRoom.keySet())
			.query((row) -> {
				counters.put(row.getString("id"), row.getLong("last_seq"));
				if (row.getBoolean("encrypted")) {
					encrypted.add(row.getString("id"));
				}
			});
		Map<String, StoredMessage> fresh = new HashMap<>();
		List<Object[]> rows = new ArrayList<>();
		Instant now = Instant.now();
		byRoom.forEach((room, messages) -> {
			Long last = counters.get(room);
			if (last == null) {
				return;
			}
			long seq = last;
			Set<String> known = new HashSet<>();
			// The targets this batch has seen, as they stand after its earlier entries.
			Map<String, Optional<ActionRules.TargetState>> targets = new HashMap<>();
			ReactionTally tally = this.gate.tally(room);
			Map<String, String> threads = new HashMap<>();
			for (Incoming incoming : messages) {
				ChatMessage message = incoming.message();
				if (!known.add(message.id()) || (lookUpEach && isStored(room, message.id()))
						|| (incoming.possibleRepeat() && isRepeat(message, last))
						|| !this.gate.allows(message, encrypted.contains(room), targets, tally)) {
					continue;
				}
				if (!message.attachments().isEmpty()) {
					List<MessageAttachment> pictures = this.attachments.resolve(room, message.id(),
							message.attachments());
					if (pictures.isEmpty() && message.text().isBlank()) {
						// Nothing left to show: pictures of another room, or gone.
						continue;
					}
					message = message.withAttachments(pictures);
				}
				if (!message.envelope().isAction()) {
					message = this.threads.link(message, threads);
				}
				seq++;
				message = this.gate.kept(message);
				MessageEnvelope envelope = message.envelope();
				MuteUntil until = envelope.until();
				OffsetDateTime sentAt = MessageStore.timestamp(message.sentAt());
				rows.add(new Object[] { message.id(), room, message.username(), message.clientId(), message.text(),
						sentAt, (message.source() == MessageSource.WEB) ? "web" : "mqtt", seq, message.replyTo(),
						envelope.type().wireName(), envelope.target(), envelope.emoji(), envelope.clientMsgId(),
						envelope.author(), envelope.sig(), this.columns.attachments(message.attachments()),
						envelope.v(), envelope.kid(), envelope.iv(), envelope.ciphertext(), envelope.moderated(),
						(until != null && until.at() != null) ? MessageStore.timestamp(until.at()) : null,
						message.bot(), message.threadId(), MessageStore.timestamp(now) });
				// As the database keeps it, so the live copy and history are the same
				// JSON to the microsecond.
				fresh.put(message.id(), StoredMessage.of(message, seq, sentAt.toInstant()));
			}
			if (seq != last) {
				this.jdbc.sql("UPDATE room SET last_seq = :seq WHERE id = :room")
					.param("seq", seq)
					.param("room", room)
					.update();
			}
		});
		if (!rows.isEmpty()) {
			this.batches.batchUpdate("INSERT INTO message (" + MessageRows.INSERTED + ", stored_at) VALUES " + "("
					+ "?, ".repeat(ROW_TYPES.length - 1) + "?)", rows, ROW_TYPES);
		}
		List<StoredMessage> stored = new ArrayList<>(fresh.size());
		for (Incoming incoming : batch) {
			StoredMessage message = fresh.remove(incoming.message().id());
			if (message != null && !message.attachments().isEmpty()) {
				this.attachments.claim(message.roomId(), message.id(), message.attachments());
			}
			if (message != null) {
				// In the order stored, so that each action meets its target as the room
				// had it.
				stored.add(message.envelope().isAction() ? this.actions.apply(message) : message);
			}
		}
		return stored;
	}

	private boolean isStored(String room, String id) {
		// One message at a time: H2 does not use the (room_id, id) key for an IN list.
		return this.jdbc.sql("SELECT COUNT(*) FROM message WHERE room_id = :room AND id = :id")
			.param("room", room)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether a redelivered message without an id of its own is already among the room's
	 * recent messages: same sender, same text.
	 */
	private boolean isRepeat(ChatMessage message, long lastSeq) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM message WHERE room_id = :room AND seq > :floor AND source = 'mqtt' "
					+ "AND COALESCE(username, '') = :username AND text = :text")
			.param("room", message.roomId())
			.param("floor", lastSeq - REPEAT_WINDOW)
			.param("username", (message.username() != null) ? message.username() : "")
			.param("text", message.text())
			.query(Long.class)
			.single() > 0;
	}

}
