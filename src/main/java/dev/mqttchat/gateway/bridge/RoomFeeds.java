package dev.mqttchat.gateway.bridge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.SerializedBody;
import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.MessageStore;

import org.springframework.stereotype.Component;

/**
 * Delivers each room's stored messages to its STOMP subscribers here once and in room
 * order, whichever way they come: stored here, announced by the storing instance, or read
 * back to close a gap (a subscription still being confirmed, an announcement lost with a
 * connection). Rooms without a reader here have no feed and cost nothing but receipts.
 */
@Component
class RoomFeeds {

	private static final int PAGE = 200;

	/** The highest seq delivered or already in history when the feed opened. */
	private static final class Feed {

		long delivered;

		Feed(long delivered) {
			this.delivered = delivered;
		}

	}

	private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

	private final MessageStore store;

	private final RoomBroadcaster broadcaster;

	private final Counter announcedReads;

	private final Counter gapReads;

	private final Counter catchUpReads;

	private final Counter heard;

	RoomFeeds(MessageStore store, RoomBroadcaster broadcaster, MeterRegistry meters) {
		this.store = store;
		this.broadcaster = broadcaster;
		this.announcedReads = reads(meters, "announced");
		this.gapReads = reads(meters, "gap");
		this.catchUpReads = reads(meters, "catch_up");
		this.heard = Counter.builder("chat.live.announcements")
			.description("Announcements the broker delivered to this instance on live topics")
			.register(meters);
		Gauge.builder("chat.live.rooms", this.feeds, Map::size)
			.description("Rooms this instance follows live because it has readers in them")
			.register(meters);
	}

	private static Counter reads(MeterRegistry meters, String reason) {
		return Counter.builder("chat.live.reads")
			.description("Messages read from the database to deliver them live here")
			.tag("reason", reason)
			.register(meters);
	}

	/**
	 * Starts following {@code roomId}: what is stored now readers get from history, what
	 * is stored from now on this feed delivers.
	 */
	void open(String roomId) {
		this.feeds.computeIfAbsent(roomId, (id) -> new Feed(this.store.latestSeq(id)));
	}

	void close(String roomId) {
		this.feeds.remove(roomId);
	}

	/** The broker delivered something on a live topic here. */
	void heard() {
		this.heard.increment();
	}

	boolean follows(String roomId) {
		return this.feeds.containsKey(roomId);
	}

	/**
	 * A message this instance stored, with its JSON made once for STOMP and MQTT alike
	 * ({@code null} if it could not be).
	 */
	void stored(StoredMessage message, @Nullable SerializedBody body) {
		Feed feed = this.feeds.get(message.roomId());
		if (feed == null) {
			this.broadcaster.broadcast(message, body);
			return;
		}
		synchronized (feed) {
			upTo(feed, message.roomId(), message.seq() - 1, this.gapReads);
			deliver(feed, message, body);
		}
	}

	/**
	 * Another instance announced {@code seq} stored: delivers it and anything missing
	 * before it; false if this room is not followed here or has it already.
	 */
	boolean announced(String roomId, long seq) {
		Feed feed = this.feeds.get(roomId);
		if (feed == null) {
			return false;
		}
		synchronized (feed) {
			if (seq <= feed.delivered) {
				return false;
			}
			// Usually one row, the announced one; more where announcements were missed.
			upTo(feed, roomId, seq, this.announcedReads);
			return feed.delivered >= seq;
		}
	}

	/** Delivers whatever the room stored after what was delivered here. */
	void catchUp(String roomId) {
		Feed feed = this.feeds.get(roomId);
		if (feed != null) {
			synchronized (feed) {
				upTo(feed, roomId, Long.MAX_VALUE, this.catchUpReads);
			}
		}
	}

	/**
	 * Reads and delivers the room's messages after those delivered, up to {@code last}.
	 */
	private void upTo(Feed feed, String roomId, long last, Counter reads) {
		while (feed.delivered < last) {
			int limit = (int) Math.min(PAGE, last - feed.delivered);
			List<StoredMessage> page = this.store.page(roomId, null, feed.delivered, limit);
			List<StoredMessage> missing = page.stream().filter((message) -> message.seq() <= last).toList();
			reads.increment(page.size());
			missing.forEach((message) -> deliver(feed, message, this.broadcaster.encode(message)));
			if (missing.isEmpty() || page.size() < limit) {
				return;
			}
		}
	}

	private void deliver(Feed feed, StoredMessage message, @Nullable SerializedBody body) {
		if (message.seq() <= feed.delivered) {
			// Subscribers here have it: only the receipt may still be owed.
			this.broadcaster.acknowledge(message);
			return;
		}
		this.broadcaster.broadcast(message, body);
		feed.delivered = message.seq();
	}

}
