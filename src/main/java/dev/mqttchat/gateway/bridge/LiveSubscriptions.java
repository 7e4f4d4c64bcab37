package dev.mqttchat.gateway.bridge;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.chat.RoomReaders;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.integration.mqtt.event.MqttSubscribedEvent;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;

/**
 * Subscribes a room's live topic while this instance has readers in the room and leaves
 * it after the last: an instance spends nothing on the others' rooms. Each change runs on
 * one thread of its own, in order; once the broker confirms a subscription, and after
 * every reconnect, the room's feed reads back what was stored meanwhile.
 */
final class LiveSubscriptions implements RoomReaders.Listener, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LiveSubscriptions.class);

	private static final long RETRY_MILLIS = 1_000;

	private final MqttPahoMessageDrivenChannelAdapter adapter;

	private final RoomTopics topics;

	private final RoomFeeds feeds;

	/** The rooms with a reader here, as RoomReaders last said. */
	private final Set<String> wanted = ConcurrentHashMap.newKeySet();

	/** The rooms whose live topic is subscribed; only the worker thread touches it. */
	private final Set<String> subscribed = new HashSet<>();

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "mqtt-live-subscriptions");
		thread.setDaemon(true);
		return thread;
	});

	LiveSubscriptions(MqttPahoMessageDrivenChannelAdapter adapter, RoomTopics topics, RoomFeeds feeds) {
		this.adapter = adapter;
		this.topics = topics;
		this.feeds = feeds;
	}

	@Override
	public void first(String roomId) {
		this.wanted.add(roomId);
		run(() -> reconcile(roomId), 0);
	}

	@Override
	public void last(String roomId) {
		this.wanted.remove(roomId);
		run(() -> reconcile(roomId), 0);
	}

	/** The rooms whose live topic this instance subscribes now. */
	Set<String> rooms() {
		return Set.copyOf(this.wanted);
	}

	@EventListener
	void onSubscribed(MqttSubscribedEvent event) {
		if (event.getSource() == this.adapter) {
			// Whatever was announced while the link was down never comes again.
			run(() -> this.subscribed.forEach(this.feeds::catchUp), 0);
		}
	}

	private void reconcile(String roomId) {
		boolean wanted = this.wanted.contains(roomId);
		try {
			if (wanted && !this.subscribed.contains(roomId)) {
				follow(roomId);
			}
			else if (!wanted && this.subscribed.contains(roomId)) {
				leave(roomId);
			}
			else if (!wanted) {
				this.feeds.close(roomId);
			}
		}
		catch (RuntimeException ex) {
			// The broker or the database did not answer: the next try may do.
			logger.debug("Following room {} changed by a failure; trying again", roomId, ex);
			run(() -> reconcile(roomId), RETRY_MILLIS);
		}
	}

	private void follow(String roomId) {
		// Opened first: what is stored while the broker confirms is read back below.
		this.feeds.open(roomId);
		this.adapter.addTopic(this.topics.liveTopicOf(roomId), 1);
		this.subscribed.add(roomId);
		this.feeds.catchUp(roomId);
	}

	private void leave(String roomId) {
		this.adapter.removeTopic(this.topics.liveTopicOf(roomId));
		this.subscribed.remove(roomId);
		this.feeds.close(roomId);
	}

	private void run(Runnable task, long delayMillis) {
		try {
			this.worker.schedule(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.warn("Following a room's live topic failed: {}", ex.toString());
				}
			}, delayMillis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: nothing to follow any more.
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
