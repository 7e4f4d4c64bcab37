package dev.mqttchat.gateway.history;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.mqttchat.gateway.chat.ActionRules;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageState;
import dev.mqttchat.gateway.chat.MessageType;
import dev.mqttchat.gateway.chat.MuteUntil;
import dev.mqttchat.gateway.chat.Mutes;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies stored edits, deletes and reactions to their targets inside the storing
 * transaction: a deleted message loses its text, its edits' texts, its reactions and its
 * pictures for good; a reaction entry keeps only whether it added or took back its
 * reaction; a mute sets or lifts the target's mute in the room.
 */
@Component
class ActionApplier {

	private final JdbcClient jdbc;

	private final AttachmentClaims attachments;

	private final Mutes mutes;

	ActionApplier(JdbcClient jdbc, AttachmentClaims attachments) {
		this.jdbc = jdbc;
		this.mutes = new Mutes(jdbc);
		this.attachments = attachments;
	}

	/** The stored state of message {@code id}, for the rules; empty if there is none. */
	Optional<ActionRules.TargetState> target(String roomId, String id) {
		return this.jdbc.sql("SELECT type, author, deleted FROM message WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.query((row, index) -> new ActionRules.TargetState(
					Objects.requireNonNullElse(MessageType.of(row.getString("type")), MessageType.DELETE),
					row.getString("author"), row.getBoolean("deleted")))
			.optional();
	}

	/**
	 * Applies {@code action}, just stored, to its target.
	 * @return the action as readers get it: a reaction says whether it added its reaction
	 */
	StoredMessage apply(StoredMessage action) {
		MessageEnvelope envelope = action.envelope();
		String room = action.roomId();
		String target = Objects.requireNonNull(envelope.target());
		switch (envelope.type()) {
			case EDIT -> update(
					"text = :text, edited_at = :at, v = :v, kid = :kid, iv = :iv, ciphertext = :ciphertext, "
							+ "last_edit = :edit",
					room, target, action.seq(), sealedColumns(action, Map.of("text", action.text(), "at",
							MessageStore.timestamp(action.sentAt()), "edit", action.id())));
			case DELETE -> {
				// A moderator's removal marks its target, so history says who removed it.
				update("text = '', deleted = TRUE, edited_at = NULL, attachments = NULL, v = NULL, kid = NULL, "
						+ "iv = NULL, ciphertext = NULL, last_edit = NULL"
						+ (Boolean.TRUE.equals(envelope.moderated()) ? ", moderated = TRUE" : ""), room, target,
						action.seq(), Map.of());
				this.attachments.release(room, target);
				// Removed from the database, not hidden: the edits' texts go too.
				this.jdbc
					.sql("UPDATE message SET text = '', ciphertext = NULL, iv = NULL WHERE room_id = :room "
							+ "AND target = :target AND type = 'edit'")
					.param("room", room)
					.param("target", target)
					.update();
				this.jdbc.sql("DELETE FROM reaction WHERE room_id = :room AND message_id = :target")
					.param("room", room)
					.param("target", target)
					.update();
			}
			case REACTION -> {
				return react(action, room, target);
			}
			case MUTE -> {
				MuteUntil until = envelope.until();
				this.mutes.set(room, target, (until != null) ? until.at() : null);
			}
			default -> throw new IllegalArgumentException("Not an action: " + envelope.type());
		}
		return action;
	}

	private StoredMessage react(StoredMessage action, String room, String target) {
		MessageEnvelope envelope = action.envelope();
		String username = Objects.requireNonNull(action.username());
		String reactor = reactor(envelope, username);
		int removed = this.jdbc
			.sql("DELETE FROM reaction WHERE room_id = :room AND message_id = :target AND emoji = :emoji "
					+ "AND reactor = :reactor")
			.param("room", room)
			.param("target", target)
			.param("emoji", envelope.emoji())
			.param("reactor", reactor)
			.update();
		if (removed == 0) {
			this.jdbc
				.sql("INSERT INTO reaction (room_id, message_id, emoji, reactor, username, seq) "
						+ "VALUES (:room, :target, :emoji, :reactor, :username, :seq)")
				.param("room", room)
				.param("target", target)
				.param("emoji", envelope.emoji())
				.param("reactor", reactor)
				.param("username", username)
				.param("seq", action.seq())
				.update();
		}
		// Only what this entry changed: a copy of the target's reactions would make each
		// entry grow with the reactions before it.
		boolean added = removed == 0;
		this.jdbc.sql("UPDATE message SET added = :added WHERE room_id = :room AND id = :id")
			.param("added", added)
			.param("room", room)
			.param("id", action.id())
			.update();
		update("", room, target, action.seq(), Map.of());
		return action.withState(MessageState.reaction(added));
	}

	/**
	 * Who a reaction is by: its author key with its name when signed (so that what it
	 * takes back is always its own name's), else its name.
	 */
	static String reactor(MessageEnvelope envelope, String username) {
		return envelope.isSigned() ? "key:" + envelope.author() + "/" + username : "name:" + username;
	}

	private static Map<String, Object> sealedColumns(StoredMessage action, Map<String, Object> values) {
		// A sealed edit seals the target's new text; a plain one leaves nothing sealed.
		Map<String, Object> all = new HashMap<>(values);
		MessageEnvelope envelope = action.envelope();
		all.put("v", envelope.v());
		all.put("kid", envelope.kid());
		all.put("iv", envelope.iv());
		all.put("ciphertext", envelope.ciphertext());
		return all;
	}

	private void update(String assignments, String room, String target, long seq, Map<String, Object> values) {
		String set = assignments.isEmpty() ? "" : assignments + ", ";
		this.jdbc.sql("UPDATE message SET " + set + "state_seq = :seq WHERE room_id = :room AND id = :target")
			.params(values)
			.param("seq", seq)
			.param("room", room)
			.param("target", target)
			.update();
	}

}
