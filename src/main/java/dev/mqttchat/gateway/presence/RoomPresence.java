package dev.mqttchat.gateway.presence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.StompDestinations;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every room's roster across all gateway instances, kept from what the broker carries on
 * the presence topics, and told to the room's STOMP subscribers as people join and leave.
 * A person (a name, and the author key their connections proved, see {@link Person}) is
 * in a room while any of their connections is; an instance that goes away takes its
 * entries with it.
 */
@Component
public class RoomPresence {

	private final Map<String, Map<String, Held>> rooms = new HashMap<>();

	private final Set<String> offlineInstances = new HashSet<>();

	private final SimpMessageSendingOperations stomp;

	private final long resyncGraceNanos;

	private long resyncStartedAt;

	private boolean resyncing;

	RoomPresence(SimpMessageSendingOperations stomp, ChatProperties properties) {
		this.stomp = stomp;
		this.resyncGraceNanos = properties.presence().resyncGrace().toNanos();
	}

	/** Connection {@code key} is in room {@code roomId}, announced or confirmed again. */
	public void online(String roomId, String key, PresenceEntry entry) {
		List<Change> changes = new ArrayList<>();
		synchronized (this) {
			if (entry.instance() != null && this.offlineInstances.contains(entry.instance())) {
				// A retained entry of an instance that is gone: a ghost.
				return;
			}
			Map<String, Held> room = this.rooms.computeIfAbsent(roomId, (id) -> new HashMap<>());
			Person person = Person.of(entry);
			boolean there = isThere(room, person);
			Held previous = room.put(key, new Held(entry, System.nanoTime()));
			if (previous != null && !person.is(previous.entry())) {
				left(roomId, room, previous.entry(), changes);
			}
			if (!there) {
				changes.add(new Change(roomId, PresenceNotice.join(person.member(entries(room)))));
			}
			tell(changes);
		}
	}

	/** Connection {@code key} left room {@code roomId}. */
	public void offline(String roomId, String key) {
		List<Change> changes = new ArrayList<>();
		synchronized (this) {
			Map<String, Held> room = this.rooms.get(roomId);
			Held gone = (room != null) ? room.remove(key) : null;
			if (gone != null) {
				left(roomId, room, gone.entry(), changes);
			}
			tell(changes);
		}
	}

	/**
	 * Gateway instance {@code instance} is gone: so are its users. Returns the room and
	 * key of each entry it left behind.
	 */
	public List<Map.Entry<String, String>> instanceOffline(String instance) {
		List<Change> changes = new ArrayList<>();
		List<Map.Entry<String, String>> removed;
		synchronized (this) {
			this.offlineInstances.add(instance);
			removed = removeIf((entry, refreshedAt) -> instance.equals(entry.instance()), changes);
			tell(changes);
		}
		return removed;
	}

	/** Gateway instance {@code instance} is back and announces its users again. */
	public synchronized void instanceOnline(String instance) {
		this.offlineInstances.remove(instance);
	}

	/**
	 * The presence subscription was made again: what the broker does not confirm, left.
	 */
	public synchronized void resyncing() {
		this.resyncStartedAt = System.nanoTime();
		this.resyncing = true;
	}

	@Scheduled(fixedDelay = 1000)
	void sweep() {
		List<Change> changes = new ArrayList<>();
		synchronized (this) {
			long started = this.resyncStartedAt;
			if (!this.resyncing || System.nanoTime() - started < this.resyncGraceNanos) {
				return;
			}
			this.resyncing = false;
			removeIf((entry, refreshedAt) -> refreshedAt - started < 0, changes);
			tell(changes);
		}
	}

	/** Hands the room's members to {@code sender}: every later join and leave follows. */
	public synchronized void roster(String roomId, Consumer<List<PresenceMember>> sender) {
		sender.accept(members(roomId));
	}

	/**
	 * The people in room {@code roomId}, one entry per username and author key, sorted by
	 * name (see {@link Person#ORDER}).
	 */
	public synchronized List<PresenceMember> members(String roomId) {
		List<PresenceEntry> entries = entries(this.rooms.getOrDefault(roomId, Map.of()));
		return entries.stream()
			.map(Person::of)
			.distinct()
			.sorted(Person.ORDER)
			.map((person) -> person.member(entries))
			.toList();
	}

	/** Forgets a deleted room's roster (see {@link RoomDeletions}). */
	synchronized void forget(String roomId) {
		this.rooms.remove(roomId);
	}

	private List<Map.Entry<String, String>> removeIf(BiPredicate<PresenceEntry, Long> stale, List<Change> changes) {
		List<Map.Entry<String, String>> removed = new ArrayList<>();
		this.rooms.forEach((roomId, room) -> {
			List<Map.Entry<String, Held>> gone = room.entrySet()
				.stream()
				.filter((held) -> stale.test(held.getValue().entry(), held.getValue().refreshedAt()))
				.toList();
			for (Map.Entry<String, Held> held : gone) {
				room.remove(held.getKey());
				removed.add(Map.entry(roomId, held.getKey()));
				left(roomId, room, held.getValue().entry(), changes);
			}
		});
		return removed;
	}

	private static void left(String roomId, Map<String, Held> room, PresenceEntry entry, List<Change> changes) {
		if (!isThere(room, Person.of(entry))) {
			changes.add(new Change(roomId, PresenceNotice.leave(entry)));
		}
	}

	private static boolean isThere(Map<String, Held> room, Person person) {
		return room.values().stream().anyMatch((held) -> person.is(held.entry()));
	}

	private static List<PresenceEntry> entries(Map<String, Held> room) {
		return room.values().stream().map(Held::entry).toList();
	}

	private void tell(List<Change> changes) {
		// Under the lock: a roster and the changes after it stay in order.
		for (Change change : changes) {
			this.stomp.convertAndSend(StompDestinations.roomTopic(change.roomId(), StompDestinations.PRESENCE),
					change.notice());
		}
	}

	private record Held(PresenceEntry entry, long refreshedAt) {
	}

	private record Change(String roomId, PresenceNotice notice) {
	}

}
