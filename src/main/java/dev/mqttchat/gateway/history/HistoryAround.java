package dev.mqttchat.gateway.history;

import java.util.List;

import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A page of history around one entry ({@code GET .../messages?around=}), so that a search
 * hit opens its conversation there: about half the page up to and including it, the rest
 * after it, and more of one side where the other has fewer.
 */
@Component
class HistoryAround {

	private final JdbcClient jdbc;

	private final MessageStore store;

	HistoryAround(JdbcClient jdbc, MessageStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** Up to {@code limit} entries around {@code seq}, in ascending order. */
	List<StoredMessage> page(String roomId, long seq, int limit) {
		// Only the numbers first: the page itself is read (with reactions and edits)
		// once.
		List<Long> upTo = seqs(roomId, "seq <= :seq ORDER BY seq DESC", seq, limit);
		List<Long> after = seqs(roomId, "seq > :seq ORDER BY seq ASC", seq, limit);
		int takeAfter = Math.min(after.size(), Math.max(limit / 2, limit - upTo.size()));
		int takeUpTo = Math.min(upTo.size(), limit - takeAfter);
		if (takeUpTo + takeAfter == 0) {
			return List.of();
		}
		long lowest = (takeUpTo > 0) ? upTo.get(takeUpTo - 1) : after.get(0);
		long highest = (takeAfter > 0) ? after.get(takeAfter - 1) : upTo.get(0);
		return this.store.page(roomId, highest + 1, lowest - 1, limit);
	}

	private List<Long> seqs(String roomId, String condition, long seq, int limit) {
		return this.jdbc.sql("SELECT seq FROM message WHERE room_id = :room AND " + condition + " LIMIT :limit")
			.param("room", roomId)
			.param("seq", seq)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

}
