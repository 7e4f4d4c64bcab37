package dev.mqttchat.gateway.history;

import java.util.ArrayList;
import java.util.List;

import dev.mqttchat.gateway.chat.MessageAttachment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pictures and files a message carries, as the store keeps them: only those uploaded
 * to its room and carried by no other message, described as they were uploaded (whatever
 * the sender's JSON said), and from then on the message's.
 */
@Component
class AttachmentClaims {

	private final JdbcClient jdbc;

	AttachmentClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The pictures of {@code named} that message {@code messageId} may carry. */
	List<MessageAttachment> resolve(String roomId, String messageId, List<MessageAttachment> named) {
		List<MessageAttachment> resolved = new ArrayList<>(named.size());
		for (MessageAttachment attachment : named) {
			this.jdbc
				.sql("SELECT id, content_type, byte_size, width, height, name FROM attachment WHERE room_id = :room "
						+ "AND id = :id AND (message_id IS NULL OR message_id = :message)")
				.param("room", roomId)
				.param("id", attachment.id())
				.param("message", messageId)
				.query((row, index) -> MessageAttachment.stored(roomId, row.getString("id"),
						row.getString("content_type"), row.getLong("byte_size"), row.getInt("width"),
						row.getInt("height"), row.getString("name")))
				.optional()
				.ifPresent(resolved::add);
		}
		return resolved;
	}

	/**
	 * The pictures of {@code attachments} belong to the stored message {@code messageId}
	 * now.
	 */
	void claim(String roomId, String messageId, List<MessageAttachment> attachments) {
		for (MessageAttachment attachment : attachments) {
			this.jdbc
				.sql("UPDATE attachment SET message_id = :message WHERE room_id = :room AND id = :id "
						+ "AND message_id IS NULL")
				.param("message", messageId)
				.param("room", roomId)
				.param("id", attachment.id())
				.update();
		}
	}

	/** Message {@code messageId} was deleted: its pictures go with its text. */
	void release(String roomId, String messageId) {
		this.jdbc.sql("DELETE FROM attachment WHERE room_id = :room AND message_id = :message")
			.param("room", roomId)
			.param("message", messageId)
			.update();
	}

}
