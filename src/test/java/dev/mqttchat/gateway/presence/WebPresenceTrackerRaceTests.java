package dev.mqttchat.gateway.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomCache;
import dev.mqttchat.gateway.room.Visibility;

import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.broker.OrderedMessageChannelDecorator;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.messaging.support.ImmutableMessageChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The subscribe and unsubscribe events of a page that (re)subscribes or leaves a room's
 * four topics at once, as Spring publishes them with {@code preserveReceiveOrder}: the
 * frame an event carries may still be queued for the inbound channel, whose thread adds
 * headers to it meanwhile, so the tracker must never copy or iterate those headers (it
 * did, and logged a ConcurrentModificationException when a deleted room's readers left
 * it).
 */
class WebPresenceTrackerRaceTests {

	private static final String ROOM = "r0om1d";

	private static final Duration RUN = Duration.ofSeconds(2);

	private final ExecutorService inbound = Executors.newFixedThreadPool(2);

	@AfterEach
	void stop() {
		this.inbound.shutdownNow();
	}

	@Test
	void eventsOfFramesStillQueuedForTheInboundChannelAreReadWithoutCopyingTheirHeaders() {
		RoomCache rooms = mock(RoomCache.class);
		when(rooms.find(anyString()))
			.thenReturn(Optional.of(new Room(ROOM, null, Instant.now(), Visibility.PRIVATE, false)));
		List<PresenceSignal> announced = new CopyOnWriteArrayList<>();
		WebPresenceTracker tracker = new WebPresenceTracker(rooms, announced::add);
		// clientInboundChannel as Spring builds it: an executor, the immutable-message
		// interceptor (so frames are handed over mutable), and the ordered decorator of
		// each session.
		ExecutorSubscribableChannel channel = new ExecutorSubscribableChannel(this.inbound);
		channel.addInterceptor(new ImmutableMessageChannelInterceptor());
		channel.subscribe((message) -> {
		});
		OrderedMessageChannelDecorator.configureInterceptor(channel, true);
		MessageChannel session = new OrderedMessageChannelDecorator(channel, LogFactory.getLog(getClass()));
		Map<String, Object> attributes = new ConcurrentHashMap<>(Map.of("chat.username", "alice"));
		long deadline = System.nanoTime() + RUN.toNanos();
		int frames = 0;
		try {
			while (System.nanoTime() - deadline < 0) {
				// What StompSubProtocolHandler does per frame: send, then publish.
				for (String topic : new String[] { "", "/presence", "/typing", "/read" }) {
					Message<byte[]> subscribe = frame(StompCommand.SUBSCRIBE, "/topic/rooms/" + ROOM + topic, frames,
							attributes);
					session.send(subscribe);
					tracker.onSubscribe(new SessionSubscribeEvent(this, subscribe));
					frames++;
				}
				for (int i = frames - 4; i < frames; i++) {
					Message<byte[]> unsubscribe = frame(StompCommand.UNSUBSCRIBE, null, i, attributes);
					session.send(unsubscribe);
					tracker.onUnsubscribe(new SessionUnsubscribeEvent(this, unsubscribe));
				}
			}
		}
		finally {
			tracker.close();
		}
		// Every subscription was taken back: nobody is left in the room here.
		assertThat(tracker.holds(ROOM, "alice", null)).as("after %d frames", frames).isFalse();
		assertThat(frames).isGreaterThan(1000);
	}

	private static Message<byte[]> frame(StompCommand command, String destination, int id,
			Map<String, Object> attributes) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		if (destination != null) {
			headers.setDestination(destination);
		}
		headers.setSubscriptionId("sub-" + id);
		headers.setSessionId("s1");
		headers.setSessionAttributes(attributes);
		headers.setHeader("simpHeartbeat", new long[] { 0, 0 });
		headers.setLeaveMutable(true);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
