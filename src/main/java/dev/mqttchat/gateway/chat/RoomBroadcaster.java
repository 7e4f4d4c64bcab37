package dev.mqttchat.gateway.chat;

import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.SerializedBody;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Delivers a stored message to every STOMP subscriber of its room, serialized once for
 * all of them, and gives its sender here its receipt.
 */
@Component
public class RoomBroadcaster {

	private final SimpMessageSendingOperations stomp;

	private final ChatMetrics metrics;

	private final PendingSends pending;

	private final JsonMapper json;

	RoomBroadcaster(SimpMessageSendingOperations stomp, ChatMetrics metrics, PendingSends pending, JsonMapper json) {
		this.stomp = stomp;
		this.metrics = metrics;
		this.pending = pending;
		this.json = json;
	}

	/**
	 * Sends {@code message} to {@code /topic/rooms/{roomId}}.
	 * @param message the message to deliver
	 */
	public void broadcast(StoredMessage message) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		headers.setLeaveMutable(true);
		// Serialized here, once: each subscriber's frame is written around the same text.
		SerializedBody body = SerializedBody.of(this.json.writeValueAsString(message));
		this.stomp.send(StompDestinations.roomTopic(message.roomId()),
				MessageBuilder.createMessage(body, headers.getMessageHeaders()));
		this.metrics.delivered(message.source());
		this.pending.stored(message);
	}

}
