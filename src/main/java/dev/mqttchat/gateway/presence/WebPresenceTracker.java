package dev.mqttchat.gateway.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.SessionSubscriptions;
import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.chat.SessionIdentity;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomCache;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * This instance's web users in each room: a STOMP session with a username that subscribes
 * to {@code /topic/rooms/{id}} puts its user there, and the user's last such subscription
 * here (unsubscribed, or its socket closed) takes them out. Only those changes are
 * announced, so several tabs are one entry. A user is a name and the author key the
 * session proved ({@link SessionIdentity#keyOf}), so one name with two keys is two users.
 */
@Component
public class WebPresenceTracker {

	private static final Logger logger = LoggerFactory.getLogger(WebPresenceTracker.class);

	private final SessionSubscriptions<Seat> sessions = new SessionSubscriptions<>();

	private final Map<Seat, Integer> counts = new HashMap<>();

	private final Map<Seat, Instant> since = new HashMap<>();

	private final RoomCache rooms;

	private final PresenceAnnouncer announcer;

	private final ExecutorService publisher = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "presence-announcer");
		thread.setDaemon(true);
		return thread;
	});

	private final @Nullable RoomAccess access;

	/** A tracker for link rooms only, as unit tests build it. */
	WebPresenceTracker(RoomCache rooms, PresenceAnnouncer announcer) {
		this(rooms, announcer, null);
	}

	@Autowired
	WebPresenceTracker(RoomCache rooms, PresenceAnnouncer announcer, @Nullable RoomAccess access) {
		this.rooms = rooms;
		this.access = access;
		this.announcer = announcer;
	}

	// The frame of a subscribe or unsubscribe event may still be queued for the inbound
	// channel (preserveReceiveOrder), whose thread adds headers to it meanwhile: its
	// headers are read one by one, never copied (SimpMessageHeaderAccessor.wrap) or
	// iterated, which threw ConcurrentModificationException.
	@EventListener
	void onSubscribe(SessionSubscribeEvent event) {
		MessageHeaders headers = event.getMessage().getHeaders();
		String roomId = StompDestinations.roomOfTopic(SimpMessageHeaderAccessor.getDestination(headers));
		Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(headers);
		String username = (attributes != null) ? SessionIdentity.of(attributes) : null;
		String session = SimpMessageHeaderAccessor.getSessionId(headers);
		String subscription = SimpMessageHeaderAccessor.getSubscriptionId(headers);
		// The event comes before the guard has looked at the frame: only issued rooms
		// count, and of members rooms only members.
		if (roomId == null || username == null || session == null || subscription == null || roomId.indexOf('/') >= 0
				|| this.rooms.find(roomId)
					.filter((room) -> this.access == null || this.access.mayOpen(room, username))
					.isEmpty()) {
			return;
		}
		// A key proved later does not move this seat: the page proves its key before it
		// subscribes (the proof's answer comes first).
		Seat seat = new Seat(roomId, username, SessionIdentity.keyOf(attributes));
		synchronized (this) {
			Seat previous = this.sessions.put(session, subscription, seat);
			if (this.counts.merge(seat, 1, Integer::sum) == 1) {
				Instant now = Instant.now();
				this.since.put(seat, now);
				announce(new PresenceSignal.Online(roomId, username, now, seat.author()));
			}
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
			Seat seat = this.sessions.remove(session, subscription);
			if (seat != null) {
				release(seat);
			}
		}
	}

	@EventListener
	void onDisconnect(SessionDisconnectEvent event) {
		synchronized (this) {
			this.sessions.removeSession(event.getSessionId()).forEach(this::release);
		}
	}

	/**
	 * Whether {@code username} with author key {@code author} (or none) is in room
	 * {@code roomId} through this instance.
	 */
	public synchronized boolean holds(String roomId, String username, @Nullable String author) {
		return this.counts.containsKey(new Seat(roomId, username, author));
	}

	/**
	 * Announces every user here again, e.g. after the broker may have forgotten them.
	 */
	public synchronized void announceAll() {
		this.since.forEach(
				(seat, at) -> announce(new PresenceSignal.Online(seat.roomId(), seat.username(), at, seat.author())));
	}

	/**
	 * Waits up to {@code timeout} for what is announced so far to be handed to the
	 * broker, e.g. the leaves of the sessions closed at shutdown.
	 */
	public void flush(Duration timeout) {
		try {
			this.publisher.submit(() -> {
			}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("Presence announcements not all handed to the broker: {}", ex.toString());
		}
	}

	@PreDestroy
	void close() {
		this.publisher.shutdownNow();
	}

	private void release(Seat seat) {
		if (this.counts.computeIfPresent(seat, (key, count) -> (count > 1) ? count - 1 : null) == null) {
			this.since.remove(seat);
			announce(new PresenceSignal.Offline(seat.roomId(), seat.username(), seat.author()));
		}
	}

	private void announce(PresenceSignal signal) {
		// Queued while the lock is held, so the broker sees one seat's changes in order,
		// and published on one thread, so no STOMP thread waits for the broker.
		this.publisher.execute(() -> {
			try {
				this.announcer.announce(signal);
			}
			catch (RuntimeException ex) {
				// The broker is away: the instance announces everyone again once it is
				// back.
				logger.debug("Presence of {} in room {} not announced: {}", signal.username(), signal.roomId(),
						ex.getMessage());
			}
		});
	}

	private record Seat(String roomId, String username, @Nullable String author) {
	}

}
