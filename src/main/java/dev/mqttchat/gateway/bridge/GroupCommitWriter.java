package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.Incoming;
import dev.mqttchat.gateway.history.LeaseLostException;
import dev.mqttchat.gateway.history.MessageStore;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.MessageChannel;

/**
 * Stores what has arrived on the storing session in batches, one transaction each, and
 * only after the commit acknowledges it to the broker and passes the stored messages on;
 * a batch that cannot be committed is retried, never acknowledged, so the broker keeps
 * it.
 */
final class GroupCommitWriter {

	private static final Logger logger = LoggerFactory.getLogger(GroupCommitWriter.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	/** One message as it arrived, with what acknowledges it. */
	record Arrival(Incoming incoming, @Nullable SimpleAcknowledgment ack, long connection, long arrivedNanos) {
	}

	private final BlockingQueue<Arrival> queue = new LinkedBlockingQueue<>(100_000);

	private final MessageStore store;

	private final MqttLink link;

	private final MessageChannel stored;

	private final String holder;

	private final Duration lease;

	private final int batchSize;

	private volatile Runnable leaseLost = () -> {
	};

	private volatile boolean running;

	private @Nullable Thread thread;

	GroupCommitWriter(MessageStore store, MqttLink link, MessageChannel stored, String holder, Duration lease,
			int batchSize) {
		this.store = store;
		this.link = link;
		this.stored = stored;
		this.holder = holder;
		this.lease = lease;
		this.batchSize = batchSize;
	}

	/** What to do when a batch finds the lease gone. */
	void onLeaseLost(Runnable leaseLost) {
		this.leaseLost = leaseLost;
	}

	/** Queues an arrival; blocks Paho's thread only if the writer is far behind. */
	void submit(Arrival arrival) {
		try {
			this.queue.put(arrival);
		}
		catch (InterruptedException ex) {
			// Not acknowledged, so the broker delivers it again.
			Thread.currentThread().interrupt();
		}
	}

	synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread writer = new Thread(this::run, "store-writer");
		writer.setDaemon(true);
		this.thread = writer;
		writer.start();
	}

	/**
	 * Stops after the batch in hand; what is still queued is dropped unacknowledged, for
	 * the broker to deliver again.
	 */
	synchronized void stop() throws InterruptedException {
		this.running = false;
		Thread writer = this.thread;
		if (writer != null && writer != Thread.currentThread()) {
			writer.interrupt();
			writer.join(5000);
		}
		this.queue.clear();
	}

	private void run() {
		List<Arrival> batch = new ArrayList<>(this.batchSize);
		while (this.running) {
			try {
				Arrival first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.batchSize - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// Not acknowledged: the broker delivers the batch again.
				logger.error("Storing a batch of {} failed; the broker will deliver it again", batch.size(), ex);
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Arrival> batch) throws InterruptedException {
		long connection = this.link.connection();
		// What arrived on an earlier connection is stored all the same (not every broker
		// delivers it again; if one does, the repeat is recognised), but never
		// acknowledged on this one, where its packet id would name another message.
		List<StoredMessage> stored = storeWithRetries(batch);
		if (stored == null) {
			return;
		}
		for (Arrival arrival : batch) {
			if (arrival.ack() != null && arrival.connection() == connection && this.link.connection() == connection) {
				arrival.ack().acknowledge();
			}
		}
		long arrived = batch.get(0).arrivedNanos();
		for (StoredMessage message : stored) {
			try {
				this.stored.send(MessageBuilder.withPayload(message).setHeader(BridgeLatency.ARRIVED, arrived).build());
			}
			catch (RuntimeException ex) {
				// Stored and acknowledged: a failed announcement costs the other
				// instances' pages a catch-up, never the message.
				logger.warn("Message {} of room {} stored, not announced: {}", message.seq(), message.roomId(),
						MqttLink.describe(ex));
			}
		}
	}

	private @Nullable List<StoredMessage> storeWithRetries(List<Arrival> batch) throws InterruptedException {
		List<Incoming> incoming = batch.stream().map(Arrival::incoming).toList();
		long backoff = 100;
		while (this.running) {
			try {
				return this.store.storeAll(incoming, this.holder, this.lease);
			}
			catch (LeaseLostException ex) {
				logger.warn("{}; another instance stores from now on", ex.getMessage());
				this.running = false;
				this.leaseLost.run();
				return null;
			}
			catch (DataAccessException | TransactionException ex) {
				// The broker keeps the batch until it is acknowledged: waiting loses
				// nothing, and giving up would let later messages overtake it.
				logger.warn("Storing {} messages failed, retrying in {} ms: {}", batch.size(), backoff,
						MqttLink.describe(ex));
				Thread.sleep(backoff);
				backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
			}
		}
		return null;
	}

}
