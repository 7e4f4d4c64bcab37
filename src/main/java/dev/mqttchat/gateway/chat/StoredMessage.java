package dev.mqttchat.gateway.chat;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A message as browsers receive it, live and from history: the chat message plus its
 * place in the room.
 *
 * @param id unique per message, the same live and in history
 * @param roomId the room it was said in
 * @param username who said it, if known
 * @param clientId the sender's client id, if it gave one
 * @param text what was said
 * @param sentAt when it was sent
 * @param source {@code web} or {@code mqtt}
 * @param seq its sequence number in the room: 1, 2, 3, ... in the order every reader sees
 * @param replyTo the id of the message of the same room this one answers, if any
 */
public record StoredMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
		Instant sentAt, MessageSource source, long seq,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String replyTo) {

	/** A stored message that answers none. */
	public StoredMessage(String id, String roomId, @Nullable String username, @Nullable String clientId, String text,
			Instant sentAt, MessageSource source, long seq) {
		this(id, roomId, username, clientId, text, sentAt, source, seq, null);
	}

	/**
	 * The stored form of {@code message} at {@code seq}, sent at {@code sentAt} as the
	 * store keeps it.
	 */
	public static StoredMessage of(ChatMessage message, long seq, Instant sentAt) {
		return new StoredMessage(message.id(), message.roomId(), message.username(), message.clientId(), message.text(),
				sentAt, message.source(), seq, message.replyTo());
	}

}
