package dev.mqttchat.gateway.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.chat.LastEdit;
import dev.mqttchat.gateway.chat.MessageAttachment;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.MessageState;
import dev.mqttchat.gateway.chat.MessageType;
import dev.mqttchat.gateway.chat.MuteUntil;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.chat.ThreadReplies;

import org.springframework.stereotype.Component;

/** The columns of a stored entry and how a row of them reads back. */
@Component
class MessageRows {

	/**
	 * The columns written when an entry is stored, in the order the inserter binds them.
	 */
	static final String INSERTED = "id, room_id, username, client_id, text, sent_at, source, seq, reply_to, type, "
			+ "target, emoji, client_msg_id, author, sig, attachments, v, kid, iv, ciphertext, moderated, until_at, bot, "
			+ "thread_id";

	/** Every column an entry reads back from. */
	static final String COLUMNS = INSERTED + ", edited_at, deleted, state_seq, added, last_edit";

	private static final TypeReference<List<MessageAttachment>> ATTACHMENTS = new TypeReference<>() {
	};

	// The columns' JSON is a storage format of its own, unchanged by the web's JSON
	// settings.
	private final JsonMapper json = JsonMapper.builder().build();

	/** A message's pictures as kept in its row: JSON, or {@code null} for none. */
	@Nullable String attachments(List<MessageAttachment> attachments) {
		return attachments.isEmpty() ? null : this.json.writeValueAsString(attachments);
	}

	/**
	 * The edit a row names as its text's, by id only: the caller reads the rest
	 * ({@link EditReader}).
	 */
	private static @Nullable LastEdit lastEdit(@Nullable String id) {
		return (id != null) ? new LastEdit(id, 0, null, null, null) : null;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	/**
	 * The entry in {@code row}; a message's reactions are added by the caller, from the
	 * reaction table.
	 */
	StoredMessage read(ResultSet row, int index) throws SQLException {
		MessageType type = MessageType.of(row.getString("type"));
		MessageEnvelope envelope = new MessageEnvelope((type != null) ? type : MessageType.MESSAGE,
				row.getString("target"), row.getString("emoji"), row.getString("client_msg_id"),
				row.getString("author"), row.getString("sig"), row.getObject("v", Integer.class), row.getString("kid"),
				row.getString("iv"), row.getString("ciphertext"), row.getObject("moderated", Boolean.class),
				(type == MessageType.MUTE) ? new MuteUntil(instant(row.getObject("until_at", OffsetDateTime.class)))
						: null,
				null);
		long seq = row.getLong("seq");
		long stateSeq = row.getLong("state_seq");
		OffsetDateTime editedAt = row.getObject("edited_at", OffsetDateTime.class);
		String attachments = row.getString("attachments");
		MessageState state = new MessageState((editedAt != null) ? editedAt.toInstant() : null,
				row.getBoolean("deleted"), Map.of(), envelope.isAction() ? null : Long.valueOf(Math.max(seq, stateSeq)),
				(type == MessageType.REACTION) ? row.getObject("added", Boolean.class) : null,
				lastEdit(row.getString("last_edit")));
		return new StoredMessage(row.getString("id"), row.getString("room_id"), row.getString("username"),
				row.getString("client_id"), row.getString("text"),
				row.getObject("sent_at", OffsetDateTime.class).toInstant(),
				"web".equals(row.getString("source")) ? MessageSource.WEB : MessageSource.MQTT, seq,
				row.getString("reply_to"),
				(attachments != null) ? this.json.readValue(attachments, ATTACHMENTS) : List.of(), envelope, state,
				row.getBoolean("bot"), row.getString("thread_id"), ThreadReplies.NONE);
	}

}
