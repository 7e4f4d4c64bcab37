package dev.mqttchat.gateway.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mqttchat.gateway.chat.MessageState;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads who reacts to messages with what: each emoji's names, emojis and names in the
 * order they came.
 */
@Component
class ReactionReader {

	private final JdbcClient jdbc;

	ReactionReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The reactions to message {@code id} now. */
	Map<String, List<String>> of(String roomId, String id) {
		return reactions(roomId, List.of(id)).getOrDefault(id, Map.of());
	}

	/**
	 * Who reacts to message {@code id} now: each emoji's reactors (an author key with its
	 * name, or a name), for the caps.
	 */
	Map<String, Set<String>> reactors(String roomId, String id) {
		Map<String, Set<String>> byEmoji = new HashMap<>();
		this.jdbc.sql("SELECT emoji, reactor FROM reaction WHERE room_id = :room AND message_id = :id")
			.param("room", roomId)
			.param("id", id)
			.query((row) -> {
				byEmoji.computeIfAbsent(row.getString("emoji"), (emoji) -> new HashSet<>())
					.add(row.getString("reactor"));
			});
		return byEmoji;
	}

	/** {@code entry} with its reactions now, if it is a message. */
	StoredMessage current(StoredMessage entry) {
		return current(entry.roomId(), List.of(entry)).get(0);
	}

	/** Messages with their reactions now; actions as they are. */
	List<StoredMessage> current(String roomId, List<StoredMessage> entries) {
		List<String> ids = entries.stream()
			.filter((entry) -> !entry.envelope().isAction() && !entry.state().deleted())
			.map(StoredMessage::id)
			.toList();
		Map<String, Map<String, List<String>>> byMessage = reactions(roomId, ids);
		if (byMessage.isEmpty()) {
			return entries;
		}
		return entries.stream().map((entry) -> {
			Map<String, List<String>> now = byMessage.get(entry.id());
			if (now == null) {
				return entry;
			}
			MessageState state = entry.state();
			return entry
				.withState(new MessageState(state.editedAt(), false, now, state.stateSeq(), null, state.lastEdit()));
		}).toList();
	}

	private Map<String, Map<String, List<String>>> reactions(String roomId, Collection<String> ids) {
		Map<String, Map<String, List<String>>> byMessage = new HashMap<>();
		if (ids.isEmpty()) {
			return byMessage;
		}
		this.jdbc
			.sql("SELECT message_id, emoji, username FROM reaction WHERE room_id = :room AND message_id IN (:ids) "
					+ "ORDER BY seq")
			.param("room", roomId)
			.param("ids", ids)
			.query((row) -> {
				byMessage.computeIfAbsent(row.getString("message_id"), (id) -> new LinkedHashMap<>())
					.computeIfAbsent(row.getString("emoji"), (emoji) -> new ArrayList<>())
					.add(row.getString("username"));
			});
		return byMessage;
	}

}
