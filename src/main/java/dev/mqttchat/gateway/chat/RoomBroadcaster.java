package dev.mqttchat.gateway.chat;

import dev.mqttchat.gateway.StompDestinations;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * Delivers a stored message to every STOMP subscriber of its room, serialized once for
 * all of them, and gives its sender here its receipt.
 */
@Component
public class RoomBroadcaster {

	private final SimpMessageSendingOperations stomp;

	private final ChatMetrics metrics;

	private final PendingSends pending;

	RoomBroadcaster(SimpMessageSendingOperations stomp, ChatMetrics metrics, PendingSends pending) {
		this.stomp = stomp;
		this.metrics = metrics;
		this.pending = pending;
	}

	/**
	 * Sends {@code message} to {@code /topic/rooms/{roomId}}.
	 * @param message the message to deliver
	 */
	public void broadcast(StoredMessage message) {
		this.stomp.convertAndSend(StompDestinations.roomTopic(message.roomId()), message);
		this.metrics.delivered(message.source());
		this.pending.stored(message);
	}

}
