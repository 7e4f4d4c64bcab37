package dev.mqttchat.gateway.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.chat.ThreadReplies;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads threads back: a thread's root and its replies in order, and on each root of a
 * page of history how many replies it has, in one grouped query over the
 * {@code (room_id, thread_id, seq)} index.
 */
@Component
class ThreadReader {

	private final JdbcClient jdbc;

	private final MessageRows rows;

	private final ReactionReader reactions;

	private final EditReader edits;

	ThreadReader(JdbcClient jdbc, MessageRows rows, ReactionReader reactions, EditReader edits) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.reactions = reactions;
		this.edits = edits;
	}

	/** {@code entries} with their reply counts on the roots among them. */
	List<StoredMessage> counted(String roomId, List<StoredMessage> entries) {
		List<StoredMessage> roots = entries.stream().filter(ThreadReader::mayBeRoot).toList();
		if (roots.isEmpty()) {
			return entries;
		}
		Map<String, ThreadReplies> counts = new HashMap<>();
		// Replies come after their root: the seq bound keeps the scan to the page's
		// span.
		this.jdbc
			.sql("SELECT thread_id, COUNT(*) AS replies, MAX(sent_at) AS last_reply_at FROM message "
					+ "WHERE room_id = :room AND thread_id IN (:roots) AND seq > :from GROUP BY thread_id")
			.param("room", roomId)
			.param("roots", roots.stream().map(StoredMessage::id).toList())
			.param("from", roots.stream().mapToLong(StoredMessage::seq).min().orElse(0))
			.query((row) -> {
				counts.put(row.getString("thread_id"), new ThreadReplies(row.getInt("replies"),
						row.getObject("last_reply_at", OffsetDateTime.class).toInstant()));
			});
		return entries.stream().map((entry) -> {
			ThreadReplies replies = counts.get(entry.id());
			return (replies != null && mayBeRoot(entry)) ? entry.withThread(replies) : entry;
		}).toList();
	}

	/**
	 * The thread of root {@code rootId}: the root (if its seq is after {@code after}) and
	 * then its replies after {@code after}, {@code limit} in all, in seq order; empty if
	 * the room has no message {@code rootId} that can start a thread.
	 */
	Optional<List<StoredMessage>> thread(String roomId, String rootId, long after, int limit) {
		Optional<StoredMessage> root = this.jdbc
			.sql("SELECT " + MessageRows.COLUMNS + " FROM message WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", rootId)
			.query(this.rows::read)
			.optional()
			.filter(ThreadReader::mayBeRoot);
		if (root.isEmpty()) {
			return Optional.empty();
		}
		List<StoredMessage> page = new ArrayList<>(limit);
		if (root.get().seq() > after) {
			page.add(root.get());
		}
		page.addAll(this.jdbc
			.sql("SELECT " + MessageRows.COLUMNS + " FROM message WHERE room_id = :room AND thread_id = :root "
					+ "AND seq > :after ORDER BY seq LIMIT :limit")
			.param("room", roomId)
			.param("root", rootId)
			.param("after", after)
			.param("limit", limit - page.size())
			.query(this.rows::read)
			.list());
		return Optional.of(counted(roomId, this.edits.current(roomId, this.reactions.current(roomId, page))));
	}

	/**
	 * Whether {@code entry} is a message in no thread, so replies may name it their root.
	 */
	private static boolean mayBeRoot(StoredMessage entry) {
		return !entry.envelope().isAction() && entry.threadId() == null;
	}

}
