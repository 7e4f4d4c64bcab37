package dev.mqttchat.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flooding a message with reactions: each reaction entry carries only its own change, so
 * neither entries nor rows nor history grow with the reactions before; the caps on
 * different emoji and on one person's reactions hold over STOMP and over MQTT; and many
 * sessions from one address share one send rate.
 */
@GatewayUnderAttack
class ReactionFloodAttackTests {

	private static final int FLOOD = 300;

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SimpleBrokerMessageHandler stompBroker;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void bridgeIsReady() {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
	}

	@Test
	void manyReactionsToOneMessageLeaveEachEntryRowAndHistorySmall() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient reader = StompTestClient.connect(this.port, "reader");
				MqttTestClient flood = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = reader.subscribe(room.destination());
			// The STOMP broker takes a SUBSCRIBE asynchronously: the message must not
			// pass
			// before it.
			BrokerSubscriptions.await(this.stompBroker, room.destination(), 1);
			flood.publish(room.topic(), "{\"username\":\"ada\",\"text\":\"lunch?\"}");
			String target = (String) live.poll(15, TimeUnit.SECONDS).get("id");

			for (int i = 0; i < FLOOD; i++) {
				// Names of one length, so that only what the entries carry can differ.
				flood.publish(room.topic(), "{\"type\":\"reaction\",\"target\":\"" + target
						+ "\",\"emoji\":\"👍\",\"username\":\"r" + (1000 + i) + "\"}");
			}
			List<Map<String, Object>> events = new ArrayList<>();
			for (int i = 0; i < FLOOD; i++) {
				Map<String, Object> event = live.poll(15, TimeUnit.SECONDS);
				assertThat(event).as("reaction event %d of %d", i + 1, FLOOD).isNotNull();
				events.add(event);
			}

			int first = size(events.get(0));
			int last = size(events.get(FLOOD - 1));
			assertThat(last - first)
				.as("the %dth reaction event is %d bytes, the first %d: it must not grow with the reactions before",
						FLOOD, last, first)
				.isLessThan(16);
			List<Long> rows = this.jdbc
				.sql("SELECT LENGTH(id) + COALESCE(LENGTH(username), 0) + COALESCE(LENGTH(target), 0) "
						+ "+ COALESCE(LENGTH(emoji), 0) + COALESCE(LENGTH(reactions), 0) FROM message "
						+ "WHERE room_id = :room AND type = 'reaction' ORDER BY seq")
				.param("room", room.id())
				.query(Long.class)
				.list();
			assertThat(rows.get(rows.size() - 1))
				.as("characters kept in the %dth reaction's row (the first's: %d)", rows.size(), rows.get(0))
				.isLessThanOrEqualTo(rows.get(0));
			String history = http().get()
				.uri("/api/rooms/{id}/messages?limit=200", room.id())
				.retrieve()
				.body(String.class);
			int bytes = history.getBytes(StandardCharsets.UTF_8).length;
			assertThat(bytes)
				.as("?limit=200 after %d reactions: %d bytes, each reaction entry ~%d bytes", FLOOD, bytes, first)
				.isLessThan(200 * (first + 100));
		}
	}

	@Test
	void theCapsRefuseOverCapReactionsFromBrowsersAndDropThemFromMqtt() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connectFrom(this.port, "ada", "198.51.100.7");
				StompTestClient bob = StompTestClient.connectFrom(this.port, "bob", "198.51.100.8");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			BlockingQueue<Map<String, Object>> adaErrors = ada.subscribe("/user/queue/errors");
			BlockingQueue<Map<String, Object>> bobErrors = bob.subscribe("/user/queue/errors");
			ada.send(room.sendDestination(), Map.of("text", "lunch?", "clientMsgId", "m-0"));
			String target = (String) live.poll(15, TimeUnit.SECONDS).get("id");

			for (int i = 0; i < 10; i++) {
				ada.send(room.sendDestination(), reaction(target, emoji(i), "a-" + i));
				assertThat(live.poll(15, TimeUnit.SECONDS)).as("ada's reaction %d", i)
					.containsEntry("type", "reaction");
			}
			ada.send(room.sendDestination(), reaction(target, emoji(10), "a-10"));
			assertThat(adaErrors.poll(15, TimeUnit.SECONDS)).as("an 11th emoji from one person")
				.containsEntry("code", "too-many-reactions")
				.containsEntry("clientMsgId", "a-10");
			for (int i = 10; i < 20; i++) {
				mqtt.publish(room.topic(), mqttReaction(target, emoji(i), "n" + i));
				assertThat(live.poll(15, TimeUnit.SECONDS)).as("reaction %d from MQTT", i)
					.containsEntry("username", "n" + i);
			}
			bob.send(room.sendDestination(), reaction(target, emoji(20), "b-20"));
			assertThat(bobErrors.poll(15, TimeUnit.SECONDS)).as("a 21st different emoji")
				.containsEntry("code", "too-many-emoji")
				.containsEntry("clientMsgId", "b-20");

			double tooManyEmoji = refused("too-many-emoji");
			double tooManyReactions = refused("too-many-reactions");
			mqtt.publish(room.topic(), mqttReaction(target, emoji(20), "mallory"));
			mqtt.publish(room.topic(), mqttReaction(target, emoji(10), "ada"));
			mqtt.publish(room.topic(), mqttReaction(target, emoji(0), "eve"));
			assertThat(live.poll(15, TimeUnit.SECONDS)).as("the next stored reaction is the one within the caps")
				.containsEntry("username", "eve");
			assertThat(refused("too-many-emoji") - tooManyEmoji).as("MQTT reactions dropped for a 21st emoji")
				.isEqualTo(1);
			assertThat(refused("too-many-reactions") - tooManyReactions)
				.as("MQTT reactions dropped for an 11th emoji of one person")
				.isEqualTo(1);
			assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT emoji) FROM reaction WHERE message_id = :id")
				.param("id", target)
				.query(Long.class)
				.single()).as("different emoji kept").isEqualTo(20);
		}
	}

	@Test
	void sessionsFromOneAddressShareItsSendRate() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		int sessions = 10;
		int each = 20;
		List<StompTestClient> clients = new ArrayList<>();
		List<BlockingQueue<Map<String, Object>>> errorQueues = new ArrayList<>();
		try {
			for (int i = 0; i < sessions; i++) {
				StompTestClient client = StompTestClient.connectFrom(this.port, "s" + i, "203.0.113.9");
				clients.add(client);
				errorQueues.add(client.subscribe("/user/queue/errors"));
			}
			long start = System.nanoTime();
			for (int n = 0; n < each; n++) {
				for (StompTestClient client : clients) {
					// Within each session's own burst: only the address's rate can
					// refuse.
					client.send(room.sendDestination(), Map.of("text", "flood " + n));
				}
			}
			int sent = sessions * each;
			await().atMost(Duration.ofSeconds(30))
				.until(() -> errorQueues.stream().mapToInt(BlockingQueue::size).sum() + stored(room) == sent);
			double seconds = (System.nanoTime() - start) / 1e9;

			int stored = stored(room);
			List<Map<String, Object>> errors = errorQueues.stream().flatMap(BlockingQueue::stream).toList();
			assertThat(errors).as("refusals")
				.allSatisfy((error) -> assertThat(error).containsEntry("code", "rate-limited"));
			assertThat(stored)
				.as("%d sessions from one address sent %d at once: %d stored, %d refused in %.1f s", sessions, sent,
						stored, errors.size(), seconds)
				.isLessThan(sent)
				.isBetween(80, 80 + (int) Math.ceil(20 * seconds) + 1);
		}
		finally {
			clients.forEach(StompTestClient::close);
		}
	}

	private int stored(TestRoom room) {
		return http().get()
			.uri("/api/rooms/{id}/messages?limit=200", room.id())
			.retrieve()
			.body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.size();
	}

	private double refused(String reason) {
		Counter counter = this.meters.find("chat.actions.refused").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private int size(Map<String, Object> event) {
		return this.json.writeValueAsString(event).getBytes(StandardCharsets.UTF_8).length;
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

	private static String emoji(int i) {
		return new String(Character.toChars(0x1F600 + i));
	}

	private static Map<String, Object> reaction(String target, String emoji, String clientMsgId) {
		return Map.of("type", "reaction", "target", target, "emoji", emoji, "clientMsgId", clientMsgId);
	}

	private static String mqttReaction(String target, String emoji, String username) {
		return "{\"type\":\"reaction\",\"target\":\"" + target + "\",\"emoji\":\"" + emoji + "\",\"username\":\""
				+ username + "\"}";
	}

}
