package dev.mqttchat.gateway.chat;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/** Delivers a message to every STOMP subscriber of its room, serialized once for all of them. */
@Component
public class RoomBroadcaster {

	private final SimpMessageSendingOperations stomp;

	RoomBroadcaster(SimpMessageSendingOperations stomp) {
		this.stomp = stomp;
	}

	/**
	 * Sends {@code message} to {@code /topic/rooms/{roomId}}.
	 * @param message the message to deliver
	 */
	public void broadcast(StoredMessage message) {
		this.stomp.convertAndSend("/topic/rooms/" + message.roomId(), message);
	}

}
