package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.Nullable;

/**
 * What a sender finds on its {@code /user/queue/receipts} queue for a SEND that carried a
 * {@code clientMsgId}.
 *
 * @param clientMsgId the id the client gave the message
 * @param status {@code queued} (kept in the outbox until the broker is back) or
 * {@code stored}
 * @param id the message's id, the same as in the room and in history
 * @param seq its number in the room, once stored
 * @param roomId the room it was sent to
 */
public record Receipt(String clientMsgId, String status, String id, @Nullable Long seq, String roomId) {

	static Receipt queued(String clientMsgId, ChatMessage message) {
		return new Receipt(clientMsgId, "queued", message.id(), null, message.roomId());
	}

	static Receipt stored(String clientMsgId, StoredMessage message) {
		return new Receipt(clientMsgId, "stored", message.id(), message.seq(), message.roomId());
	}

}
