package dev.mqttchat.gateway.security;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.HostileInput;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.RawWebSocket;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A few hundred hostile inputs (invalid UTF-8 and UTF-16, deep nesting, huge numbers,
 * control characters, broken framing) through the real entrances, MQTT and STOMP over
 * WebSocket, while a healthy subscriber listens: it is never closed for someone else's
 * input, still receives the next good message, and the gateway's heap does not grow with
 * the input. Fixed seeds: a failure is repeated by running it again.
 */
@GatewayUnderAttack
class HostileInputFuzzTests {

	private static final int INPUTS = 300;

	private static final int FRAMES_PER_SOCKET = 5;

	/**
	 * Far above what the input itself could leave behind (at most 4,000 characters a
	 * message).
	 */
	private static final long HEAP_GROWTH_LIMIT = 64L * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	SimpleBrokerMessageHandler simpleBroker;

	@Test
	void hostileMqttPayloadsNeverCloseASubscriber() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		Random random = new Random(20261206L);
		List<String> topics = List.of(room.topic(), room.topic(), room.topic() + "/presence/fuzz",
				room.topic() + "/typing", room.topic() + "/read/fuzz");
		try (StompTestClient watcher = StompTestClient.connect(this.port, "watcher");
				MqttTestClient attacker = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> inbox = watcher.subscribe(room.destination());
			watcher.subscribe(room.destination() + "/presence");
			await().until(() -> this.links.bridgeReady());
			BrokerSubscriptions.await(this.simpleBroker, room.destination(), 1);
			long heapBefore = usedHeapAfterGc();

			for (int i = 0; i < INPUTS; i++) {
				attacker.publish(topics.get(random.nextInt(topics.size())), HostileInput.payload(random));
			}
			attacker.publish(room.topic(), "{\"username\":\"calm\",\"text\":\"after the fuzz\"}");

			awaitText(inbox, "after the fuzz");
			assertThat(watcher.isConnected()).as("the watcher, after %d hostile payloads", INPUTS).isTrue();
			assertThat(watcher.errors()).as("the watcher's transport").isEmpty();
			assertHeapBounded(heapBefore);
		}
	}

	@Test
	void hostileStompFramesNeverCloseAnotherSubscriber() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		Random random = new Random(61202026L);
		List<RawWebSocket> attackers = new ArrayList<>();
		try (StompTestClient watcher = StompTestClient.connect(this.port, "watcher")) {
			BlockingQueue<Map<String, Object>> inbox = watcher.subscribe(room.destination());
			BrokerSubscriptions.await(this.simpleBroker, room.destination(), 1);
			long heapBefore = usedHeapAfterGc();

			RawWebSocket attacker = null;
			for (int i = 0; i < INPUTS; i++) {
				// A new attacker every few frames too, within the send burst allowed a
				// session, so that its SENDs are read rather than refused for the rate.
				if (attacker == null || attacker.closed().isDone() || i % FRAMES_PER_SOCKET == 0) {
					attacker = RawWebSocket.open(this.port, Map.of());
					attackers.add(attacker);
					attacker.send(RawWebSocket.connectFrame());
					assertThat(attacker.next(Duration.ofSeconds(10))).startsWith("CONNECTED");
					attacker.send("SUBSCRIBE\nid:errors\ndestination:/user/queue/errors\n\n\u0000");
				}
				try {
					if (random.nextInt(3) == 0) {
						attacker.sendBinary(HostileInput.binaryStompFrame(random, room.sendDestination()));
					}
					else {
						attacker.send(HostileInput.stompFrame(random, room.sendDestination()));
					}
				}
				catch (RuntimeException closedMeanwhile) {
					// The gateway closed this attacker over its own frame: the next one
					// opens another.
					attacker = null;
				}
			}
			try (StompTestClient calm = StompTestClient.connect(this.port, "calm")) {
				calm.send(room.sendDestination(), Map.of("text", "after the fuzz"));
				awaitText(inbox, "after the fuzz");
			}
			long closed = attackers.stream().filter((socket) -> socket.closed().isDone()).count();
			attackers.forEach(RawWebSocket::close);
			assertThat(watcher.isConnected())
				.as("the watcher, after %d hostile frames from %d attacker sockets", INPUTS, attackers.size())
				.isTrue();
			assertThat(closed).as("attacker sockets closed over their own frames, of %d", attackers.size())
				.isPositive();
			assertThat(watcher.errors()).as("the watcher's transport").isEmpty();
			assertHeapBounded(heapBefore);
		}
	}

	private static void awaitText(BlockingQueue<Map<String, Object>> inbox, String text) {
		// Hostile input that is valid text arrives too: the good message is among them.
		List<Map<String, Object>> seen = new ArrayList<>();
		await("\"" + text + "\" reaching the watcher").atMost(Duration.ofSeconds(20)).until(() -> {
			inbox.drainTo(seen);
			return seen.stream().anyMatch((message) -> text.equals(message.get("text")));
		});
	}

	private static void assertHeapBounded(long before) {
		long growth = usedHeapAfterGc() - before;
		assertThat(growth).as("heap growth after GC: %d KB, limit %d KB", growth / 1024, HEAP_GROWTH_LIMIT / 1024)
			.isLessThan(HEAP_GROWTH_LIMIT);
	}

	private static long usedHeapAfterGc() {
		// A request, not a promise; two make a full collection likely, and the limit is
		// generous.
		System.gc();
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
