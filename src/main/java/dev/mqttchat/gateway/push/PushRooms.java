package dev.mqttchat.gateway.push;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The rooms some push subscription names, kept in memory, so that a message to any other
 * room costs a set lookup rather than a queued query (over PostgreSQL the one push thread
 * fell behind a busy room, filled its queue and dropped pushes). Subscriptions made here
 * count at once; those made through another instance within the refresh interval.
 */
final class PushRooms {

	/** How often the set is read again from the database, shared by all instances. */
	static final long REFRESH_MILLIS = 5000;

	private static final Logger logger = LoggerFactory.getLogger(PushRooms.class);

	private final JdbcClient jdbc;

	private volatile Set<String> rooms = Set.of();

	/** Calls of {@link #added}, so a refresh that read before one does not forget it. */
	private long additions;

	PushRooms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a message to room {@code roomId} may have anyone to push to. */
	boolean named(String roomId) {
		return this.rooms.contains(roomId);
	}

	/** Rooms a subscription made or changed here names: they count from now on. */
	synchronized void added(List<PushSubscriptions.PushRoom> added) {
		Set<String> next = new HashSet<>(this.rooms);
		added.forEach((room) -> next.add(room.id()));
		this.rooms = Set.copyOf(next);
		this.additions++;
	}

	@Scheduled(fixedDelay = REFRESH_MILLIS)
	void refresh() {
		long before;
		synchronized (this) {
			before = this.additions;
		}
		try {
			Set<String> loaded = new HashSet<>(
					this.jdbc.sql("SELECT DISTINCT room_id FROM push_room").query(String.class).list());
			synchronized (this) {
				if (this.additions != before) {
					// Added while reading: kept until the next refresh reads them too.
					loaded.addAll(this.rooms);
				}
				this.rooms = Set.copyOf(loaded);
			}
		}
		catch (DataAccessException ex) {
			// The database is away: the rooms known stay, and the next refresh tries
			// again.
			logger.debug("Rooms with push subscriptions not read: {}", ex.getMessage());
		}
	}

}
