package dev.mqttchat.gateway.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Posts a message for an incoming webhook: marked {@code bot} with this deployment's
 * {@link BotProof}, then the path of every browser message (published to the room's MQTT
 * topic, or kept in the outbox while the broker cannot be reached; stored and sent to the
 * room's readers from there).
 */
@Component
public class BotPoster {

	private final MessageDispatcher dispatcher;

	private final PendingSends pending;

	private final BotProof proof;

	BotPoster(MessageDispatcher dispatcher, PendingSends pending, BotProof proof) {
		this.dispatcher = dispatcher;
		this.pending = pending;
		this.proof = proof;
	}

	/**
	 * Posts {@code text} under {@code username} (both checked by the caller) to room
	 * {@code roomId}.
	 * @return the message on its way, or {@code null} if the broker cannot be reached and
	 * the outbox is full
	 */
	public @Nullable ChatMessage post(String roomId, String username, String text) {
		ChatMessage message = this.proof.vouched(
				new ChatMessage(ChatMessage.newId(), roomId, username, null, text, Instant.now(), MessageSource.WEB));
		// Nobody waits for a receipt; the dispatcher still publishes it again if it is
		// not seen stored in time.
		this.pending.expect(message, null);
		if (!this.dispatcher.dispatch(message)) {
			this.pending.forget(message);
			return null;
		}
		return message;
	}

}
