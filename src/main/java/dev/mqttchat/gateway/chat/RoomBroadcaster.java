package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.SerializedBody;

import org.springframework.messaging.Message;
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

	private static final Logger logger = LoggerFactory.getLogger(RoomBroadcaster.class);

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
	 * Sends {@code message} to {@code /topic/rooms/{roomId}} and its {@code /activity}.
	 * @param message the message to deliver
	 */
	public void broadcast(StoredMessage message) {
		broadcast(message, encode(message));
	}

	/**
	 * As {@link #broadcast(StoredMessage)}, with the body {@link #encode} made of it
	 * already, or {@code null} if it could not be.
	 * @param message the message to deliver
	 * @param body its JSON
	 */
	public void broadcast(StoredMessage message, @Nullable SerializedBody body) {
		if (body != null) {
			SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
			headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
			headers.setLeaveMutable(true);
			Message<SerializedBody> frame = MessageBuilder.createMessage(body, headers.getMessageHeaders());
			this.stomp.send(StompDestinations.roomTopic(message.roomId()), frame);
			// Pages counting this room's unread messages from elsewhere: the same bytes,
			// no second encoding.
			this.stomp.send(StompDestinations.roomTopic(message.roomId(), StompDestinations.ACTIVITY), frame);
			this.metrics.delivered(message.source());
		}
		this.pending.stored(message);
	}

	/**
	 * Gives the senders here of {@code message} their receipts without delivering it
	 * again: the room's subscribers here have it already.
	 * @param message the stored message
	 */
	public void acknowledge(StoredMessage message) {
		this.pending.stored(message);
	}

	/**
	 * The message's JSON, serialized once: each subscriber's frame is written around the
	 * same text, and the bridge publishes the same bytes for MQTT clients; {@code null}
	 * if it cannot be encoded.
	 * @param message a stored message
	 * @return its JSON, or {@code null}
	 */
	public @Nullable SerializedBody encode(StoredMessage message) {
		try {
			return SerializedBody.of(this.json.writeValueAsString(message));
		}
		catch (IllegalArgumentException ex) {
			// Stored before the entrances checked Unicode: skipped for everyone, rather
			// than every subscriber's connection closing over it.
			logger.warn("Message {} of room {} not delivered: {}", message.id(), message.roomId(), ex.getMessage());
			return null;
		}
	}

}
