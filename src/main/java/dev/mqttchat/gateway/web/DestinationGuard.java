package dev.mqttchat.gateway.web;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Lets a client subscribe only to an issued room or its own error queue, and send only to a room's
 * {@code /app/rooms/{id}}: the simple broker reads subscriptions as patterns, and a SEND straight to
 * {@code /topic} would bypass the bridge.
 */
@Component
class DestinationGuard implements ChannelInterceptor {

	private static final String ROOM_TOPIC = "/topic/rooms/";

	private static final String ROOM_SEND = "/app/rooms/";

	private static final String ERROR_QUEUE = "/user/queue/errors";

	private final RoomRegistry rooms;

	DestinationGuard(RoomRegistry rooms) {
		this.rooms = rooms;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (stomp == null || stomp.getCommand() == null) {
			return message;
		}
		String destination = stomp.getDestination();
		if (stomp.getCommand() == StompCommand.SUBSCRIBE && !maySubscribe(destination)) {
			throw new MessageDeliveryException(message, "Cannot subscribe to " + printable(destination)
					+ ": subscribe to /topic/rooms/{id} of an issued room, or to " + ERROR_QUEUE);
		}
		if (stomp.getCommand() == StompCommand.SEND && !maySend(destination)) {
			throw new MessageDeliveryException(message,
					"Cannot send to " + printable(destination) + ": send to /app/rooms/{id} of an issued room");
		}
		return message;
	}

	private boolean maySubscribe(@Nullable String destination) {
		if (ERROR_QUEUE.equals(destination)) {
			return true;
		}
		return destination != null && destination.startsWith(ROOM_TOPIC)
				&& this.rooms.find(destination.substring(ROOM_TOPIC.length())).isPresent();
	}

	private boolean maySend(@Nullable String destination) {
		return destination != null && destination.startsWith(ROOM_SEND)
				&& this.rooms.isWellFormed(destination.substring(ROOM_SEND.length()));
	}

	private static String printable(@Nullable String destination) {
		if (destination == null) {
			return "no destination";
		}
		String clean = destination.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 80) ? clean.substring(0, 80) + "..." : clean;
	}

}
