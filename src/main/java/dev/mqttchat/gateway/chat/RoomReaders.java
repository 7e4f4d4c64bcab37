package dev.mqttchat.gateway.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.mqttchat.gateway.SessionSubscriptions;
import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomCache;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * The rooms this instance has someone to deliver to: a STOMP subscription to a room's
 * messages, or a message sent here that waits for its receipt. Listeners hear when a room
 * gains its first holder and loses its last, so an instance follows only its own readers'
 * rooms.
 */
@Component
public class RoomReaders {

	/** Hears when a room is first held here and when it is no longer held. */
	public interface Listener {

		void first(String roomId);

		void last(String roomId);

	}

	private final RoomCache rooms;

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> counts = new HashMap<>();

	/** The room each session's subscriptions read. */
	private final SessionSubscriptions<String> sessions = new SessionSubscriptions<>();

	private final RoomAccess access;

	RoomReaders(RoomCache rooms, RoomAccess access) {
		this.rooms = rooms;
		this.access = access;
	}

	/** Adds a listener; it hears of rooms held from now on. */
	public void listen(Listener listener) {
		this.listeners.add(listener);
	}

	/** The rooms held here now. */
	public synchronized Set<String> rooms() {
		return Set.copyOf(this.counts.keySet());
	}

	// The frame may still be queued for the inbound channel, whose thread adds headers
	// to it meanwhile: headers are read one by one, never copied (see
	// WebPresenceTracker).
	@EventListener
	void onSubscribe(SessionSubscribeEvent event) {
		MessageHeaders headers = event.getMessage().getHeaders();
		String destination = SimpMessageHeaderAccessor.getDestination(headers);
		// A page counting the room's unread messages reads it too, from its activity
		// destination.
		String roomId = Objects.requireNonNullElse(StompDestinations.roomOfTopic(destination),
				Objects.requireNonNullElse(StompDestinations.roomOfTopic(destination, StompDestinations.ACTIVITY), ""));
		String session = SimpMessageHeaderAccessor.getSessionId(headers);
		String subscription = SimpMessageHeaderAccessor.getSubscriptionId(headers);
		// The event comes before the guard has looked at the frame: only issued rooms
		// count (of members rooms only members), so nobody makes this instance follow
		// made-up topics.
		Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(headers);
		String username = (attributes != null) ? SessionIdentity.of(attributes) : null;
		if (roomId.isEmpty() || session == null || subscription == null || roomId.indexOf('/') >= 0
				|| this.rooms.find(roomId).filter((room) -> this.access.mayOpen(room, username)).isEmpty()) {
			return;
		}
		synchronized (this) {
			String previous = this.sessions.put(session, subscription, roomId);
			hold(roomId);
			if (previous != null) {
				release(previous);
			}
		}
	}

	@EventListener
	void onUnsubscribe(SessionUnsubscribeEvent event) {
		MessageHeaders headers = event.getMessage().getHeaders();
		String session = SimpMessageHeaderAccessor.getSessionId(headers);
		String subscription = SimpMessageHeaderAccessor.getSubscriptionId(headers);
		synchronized (this) {
			String roomId = this.sessions.remove(session, subscription);
			if (roomId != null) {
				release(roomId);
			}
		}
	}

	@EventListener
	void onDisconnect(SessionDisconnectEvent event) {
		synchronized (this) {
			this.sessions.removeSession(event.getSessionId()).forEach(this::release);
		}
	}

	/** One more holder of {@code roomId}, e.g. a message waiting for its receipt. */
	synchronized void hold(String roomId) {
		if (this.counts.merge(roomId, 1, Integer::sum) == 1) {
			this.listeners.forEach((listener) -> listener.first(roomId));
		}
	}

	/** One holder of {@code roomId} fewer. */
	synchronized void release(String roomId) {
		if (!this.counts.containsKey(roomId)) {
			return;
		}
		Integer left = this.counts.computeIfPresent(roomId, (id, count) -> (count > 1) ? count - 1 : null);
		if (left == null) {
			this.listeners.forEach((listener) -> listener.last(roomId));
		}
	}

}
