package dev.mqttchat.gateway.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.mqttchat.gateway.chat.LastEdit;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names, on each edited message, the edit its text is from (its {@code clientMsgId}, name
 * and signature), so a reader can open and verify the current text on its own.
 */
@Component
class EditReader {

	private final JdbcClient jdbc;

	EditReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The entries with their last edits named; entries without one as they are. */
	List<StoredMessage> current(String roomId, List<StoredMessage> entries) {
		List<String> ids = entries.stream()
			.filter((entry) -> entry.state().lastEdit() != null)
			.map((entry) -> Objects.requireNonNull(entry.state().lastEdit()).id())
			.toList();
		if (ids.isEmpty()) {
			return entries;
		}
		Map<String, LastEdit> edits = new HashMap<>();
		this.jdbc
			.sql("SELECT id, seq, client_msg_id, username, sig FROM message WHERE room_id = :room AND id IN (:ids)")
			.param("room", roomId)
			.param("ids", ids)
			.query((row) -> {
				edits.put(row.getString("id"), new LastEdit(row.getString("id"), row.getLong("seq"),
						row.getString("client_msg_id"), row.getString("username"), row.getString("sig")));
			});
		return entries.stream().map((entry) -> {
			LastEdit named = entry.state().lastEdit();
			return (named == null) ? entry : entry.withState(entry.state().withLastEdit(edits.get(named.id())));
		}).toList();
	}

}
