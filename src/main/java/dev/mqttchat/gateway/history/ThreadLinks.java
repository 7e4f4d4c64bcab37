package dev.mqttchat.gateway.history;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.ChatMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives each reply, as it is stored, the thread it joins by the rule
 * ({@link ChatMessage#inThreadOf}), whatever {@code threadId} its sender wrote: like a
 * signed entry's id it follows from what the sender said, so a wrong one is corrected,
 * not refused, and the signature (which covers {@code replyTo}) still holds.
 */
@Component
class ThreadLinks {

	private final JdbcClient jdbc;

	ThreadLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * {@code message} in the thread its {@code replyTo} leads to; in none if it answers
	 * none, or a message its room does not have.
	 * @param batch for each message of the room stored earlier in this batch, the thread
	 * a reply to it joins; updated with this one
	 */
	ChatMessage link(ChatMessage message, Map<String, String> batch) {
		String parent = message.replyTo();
		String threadId = null;
		if (parent != null) {
			String known = batch.get(parent);
			threadId = (known != null) ? known : joinedBy(message.roomId(), parent);
		}
		batch.put(message.id(), ChatMessage.inThreadOf(message.id(), threadId));
		return Objects.equals(threadId, message.threadId()) ? message : message.withThreadId(threadId);
	}

	/**
	 * The thread a reply to stored message {@code id} joins, if there is such a message.
	 */
	private @Nullable String joinedBy(String roomId, String id) {
		return this.jdbc.sql("SELECT COALESCE(thread_id, id) FROM message WHERE room_id = :room AND id = :id")
			.param("room", roomId)
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
