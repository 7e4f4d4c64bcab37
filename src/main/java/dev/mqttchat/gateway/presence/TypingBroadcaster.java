package dev.mqttchat.gateway.presence;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mqttchat.gateway.StompDestinations;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * Tells a room's STOMP subscribers on this instance that someone is typing; never stored.
 */
@Component
public class TypingBroadcaster {

	/**
	 * One relayed signal per person and room per this time: the page holds a name 5 s.
	 */
	private static final long INTERVAL_NANOS = Duration.ofMillis(900).toNanos();

	/** People typing now, at most; the oldest are forgotten first. */
	private static final int TRACKED = 10_000;

	private final SimpMessageSendingOperations stomp;

	private final Map<String, Long> lastRelayed = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > TRACKED;
		}
	};

	TypingBroadcaster(SimpMessageSendingOperations stomp) {
		this.stomp = stomp;
	}

	/**
	 * Sends {@code {"username", "source"}} to {@code /topic/rooms/{roomId}/typing},
	 * unless the same person's last one went out just now: MQTT clients have no STOMP
	 * session allowance, and a flood of theirs must not reach every browser.
	 */
	public void typing(String roomId, String username, String source) {
		long now = System.nanoTime();
		synchronized (this.lastRelayed) {
			Long last = this.lastRelayed.get(roomId + '\n' + username);
			if (last != null && now - last < INTERVAL_NANOS) {
				return;
			}
			this.lastRelayed.put(roomId + '\n' + username, now);
		}
		this.stomp.convertAndSend(StompDestinations.roomTopic(roomId, StompDestinations.TYPING),
				new TypingNotice(username, source));
	}

}
