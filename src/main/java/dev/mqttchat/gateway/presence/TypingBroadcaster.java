package dev.mqttchat.gateway.presence;

import dev.mqttchat.gateway.StompDestinations;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * Tells a room's STOMP subscribers on this instance that someone is typing; never stored.
 */
@Component
public class TypingBroadcaster {

	private final SimpMessageSendingOperations stomp;

	TypingBroadcaster(SimpMessageSendingOperations stomp) {
		this.stomp = stomp;
	}

	/** Sends {@code {"username", "source"}} to {@code /topic/rooms/{roomId}/typing}. */
	public void typing(String roomId, String username, String source) {
		this.stomp.convertAndSend(StompDestinations.roomTopic(roomId, StompDestinations.TYPING),
				new TypingNotice(username, source));
	}

}
