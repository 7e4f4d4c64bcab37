package dev.mqttchat.gateway.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;

/**
 * Gets every accepted browser message to the broker: published at once while the broker
 * answers and nothing waits before it, otherwise kept in the outbox; published again when
 * it is not seen stored in time; the outbox relayed, oldest first, by the instance that
 * stores.
 */
@Component
class MessageDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(MessageDispatcher.class);

	private final ChatPublisher publisher;

	private final OutboxRepository outbox;

	private final PendingSends pending;

	private final MessageLookup lookup;

	private final BrokerStatus broker;

	private final RoomRegistry rooms;

	private final ChatMetrics metrics;

	private final int maxOutbox;

	private final Duration confirmTimeout;

	private volatile long backlog;

	private volatile boolean closing;

	MessageDispatcher(ChatPublisher publisher, OutboxRepository outbox, PendingSends pending, MessageLookup lookup,
			BrokerStatus broker, RoomRegistry rooms, ChatMetrics metrics, ChatProperties properties) {
		this.publisher = publisher;
		this.outbox = outbox;
		this.pending = pending;
		this.lookup = lookup;
		this.broker = broker;
		this.rooms = rooms;
		this.metrics = metrics;
		this.maxOutbox = properties.outbox().maxMessages();
		this.confirmTimeout = properties.outbox().confirmTimeout();
		metrics.outboxSize(() -> this.backlog);
	}

	/**
	 * Publishes {@code message} or keeps it in the outbox.
	 * @return {@code false} if it could be neither (the outbox is full)
	 */
	boolean dispatch(ChatMessage message) {
		// While anything waits in the outbox, new messages queue behind it: one order.
		if (!this.closing && this.backlog == 0 && this.broker.reachable() && publish(message)) {
			return true;
		}
		if (this.backlog == 0) {
			// The first message of an outage: what was published before it and is not
			// yet stored may have been lost with the connection; it goes first.
			for (PendingSends.Pending earlier : this.pending.overdue(Duration.ZERO)) {
				if (earlier.message != message && this.outbox.add(earlier.message, Integer.MAX_VALUE)) {
					this.pending.queued(earlier.message);
				}
			}
		}
		if (!this.outbox.add(message, this.maxOutbox)) {
			return false;
		}
		this.backlog = Math.max(this.backlog, 1);
		this.metrics.queued();
		this.pending.queued(message);
		return true;
	}

	private boolean publish(ChatMessage message) {
		try {
			this.publisher.publish(message);
			this.metrics.publishedFromWeb();
			return true;
		}
		catch (MessagingException ex) {
			this.metrics.publishFailed();
			logger.warn("Message for room {} kept for later: MQTT publish failed: {}", message.roomId(),
					ex.getMostSpecificCause().getMessage());
			return false;
		}
	}

	/**
	 * Relays the outbox and republishes what was not seen stored; called every half
	 * second.
	 */
	void tick() {
		try {
			this.backlog = this.outbox.count();
			if (this.backlog > 0 && this.broker.storing() && this.broker.reachable()) {
				relay();
			}
			for (PendingSends.Pending overdue : this.pending.overdue(this.confirmTimeout)) {
				Optional<StoredMessage> stored = this.lookup.findById(overdue.message.roomId(), overdue.message.id());
				if (stored.isPresent()) {
					this.pending.stored(stored.get());
				}
				else if (this.rooms.find(overdue.message.roomId()).isEmpty()) {
					// Deleted meanwhile: it will never be stored.
					this.pending.forget(overdue.message);
				}
				else if (refusedNow(overdue.message)) {
					// An action the store turned down: its sender hears why, once.
					continue;
				}
				else if (dispatch(overdue.message)) {
					this.pending.republished(overdue.message);
				}
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Outbox not relayed this time: {}", ex.getMostSpecificCause().getMessage());
		}
	}

	private boolean refusedNow(ChatMessage message) {
		if (!message.envelope().isAction()) {
			return false;
		}
		ActionRules.Refusal refusal = ActionRules.refusal(message,
				this.lookup.findById(message.roomId(), String.valueOf(message.envelope().target()))
					.map(ActionRules.TargetState::of)
					.orElse(null));
		if (refusal == null) {
			return false;
		}
		this.metrics.rejected(refusal.code());
		this.pending.refused(message, new ChatError(refusal.code(), "Not done: " + refusal.text(), message.roomId(),
				message.envelope().clientMsgId()));
		return true;
	}

	private void relay() {
		Instant due = Instant.now().minus(this.confirmTimeout);
		for (OutboxRepository.Entry entry : this.outbox.oldest(500)) {
			ChatMessage message = entry.message();
			Optional<StoredMessage> stored = this.lookup.findById(message.roomId(), message.id());
			if (stored.isPresent()) {
				this.outbox.remove(message.roomId(), message.id());
				this.pending.stored(stored.get());
			}
			else if (entry.publishedAt() == null || entry.publishedAt().isBefore(due)) {
				if (!publish(message)) {
					return;
				}
				this.outbox.published(message);
			}
		}
	}

	/** Publishes directly again, after a {@link #close} followed by a restart. */
	void open() {
		this.closing = false;
	}

	/**
	 * Shutting down: from now on every message goes to the outbox, which outlives this
	 * instance; waits up to {@code timeout} for those published to be stored, and keeps
	 * the rest in the outbox.
	 */
	void close(Duration timeout) throws InterruptedException {
		this.closing = true;
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.pending.overdue(Duration.ZERO).size() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		for (PendingSends.Pending left : this.pending.overdue(Duration.ZERO)) {
			if (this.lookup.findById(left.message.roomId(), left.message.id()).isEmpty()) {
				this.outbox.add(left.message, Integer.MAX_VALUE);
			}
		}
	}

}
