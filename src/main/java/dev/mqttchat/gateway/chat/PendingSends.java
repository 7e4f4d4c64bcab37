package dev.mqttchat.gateway.chat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.SessionQueue;
import dev.mqttchat.gateway.StompDestinations;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * Browser messages this instance accepted and has not yet seen stored, with the senders
 * waiting for their receipts.
 */
@Component
class PendingSends {

	/** A session waiting for the receipt of its {@code clientMsgId}. */
	record Waiter(String sessionId, String clientMsgId) {
	}

	/** One accepted message: published at {@code publishedAt} nanos, or in the outbox. */
	static final class Pending {

		final ChatMessage message;

		final long order = ORDER.incrementAndGet();

		final List<Waiter> waiters = new CopyOnWriteArrayList<>();

		volatile long publishedAt = System.nanoTime();

		volatile boolean queued;

		Pending(ChatMessage message) {
			this.message = message;
		}

	}

	private static final AtomicLong ORDER = new AtomicLong();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final SimpMessageSendingOperations stomp;

	private final RoomReaders readers;

	PendingSends(SimpMessageSendingOperations stomp, RoomReaders readers) {
		this.stomp = stomp;
		this.readers = readers;
	}

	/** Waits for {@code message} to be stored; {@code waiter} gets its receipt. */
	void expect(ChatMessage message, @Nullable Waiter waiter) {
		Pending entry = this.pending.computeIfAbsent(message.id(), (id) -> {
			// The receipt comes from the room's deliveries here: they must go on until it
			// does, reader or not.
			this.readers.hold(message.roomId());
			return new Pending(message);
		});
		if (waiter != null) {
			entry.waiters.add(waiter);
		}
	}

	/** {@code message} is in the outbox: its senders hear so. */
	void queued(ChatMessage message) {
		Pending entry = this.pending.get(message.id());
		if (entry != null) {
			entry.queued = true;
			entry.waiters.forEach((waiter) -> send(waiter, StompDestinations.USER_RECEIPT_QUEUE,
					Receipt.queued(waiter.clientMsgId(), message)));
		}
	}

	/** {@code message} is published once more. */
	void republished(ChatMessage message) {
		Pending entry = this.pending.get(message.id());
		if (entry != null) {
			entry.queued = false;
			entry.publishedAt = System.nanoTime();
		}
	}

	/** {@code message} is stored: its senders get their receipts. */
	void stored(StoredMessage message) {
		Pending entry = removed(message.id());
		if (entry != null) {
			entry.waiters.forEach((waiter) -> send(waiter, StompDestinations.USER_RECEIPT_QUEUE,
					Receipt.stored(waiter.clientMsgId(), message)));
		}
	}

	/** {@code message} was refused after all: its senders get {@code error}. */
	void refused(ChatMessage message, ChatError error) {
		Pending entry = removed(message.id());
		if (entry != null) {
			entry.waiters.forEach((waiter) -> send(waiter, StompDestinations.USER_ERROR_QUEUE, error));
		}
	}

	/** Gives up on a message that was refused after all. */
	void forget(ChatMessage message) {
		removed(message.id());
	}

	private @Nullable Pending removed(String id) {
		Pending entry = this.pending.remove(id);
		if (entry != null) {
			this.readers.release(entry.message.roomId());
		}
		return entry;
	}

	/**
	 * Published messages not seen stored for {@code timeout} (lost on the way, maybe), in
	 * the order they were accepted.
	 */
	List<Pending> overdue(Duration timeout) {
		long now = System.nanoTime();
		return this.pending.values()
			.stream()
			.filter((entry) -> !entry.queued && now - entry.publishedAt > timeout.toNanos())
			.sorted(Comparator.comparingLong((Pending entry) -> entry.order))
			.toList();
	}

	/** How many accepted messages are not yet seen stored. */
	int size() {
		return this.pending.size();
	}

	private void send(Waiter waiter, String queue, Object payload) {
		SessionQueue.send(this.stomp, waiter.sessionId(), queue, payload);
	}

}
