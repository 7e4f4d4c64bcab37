package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.presence.RoomPresence;
import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.TestGateway;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances on one broker and one database: every message is stored exactly
 * once, and both instances deliver the same messages to their users, each once, numbered
 * in one order; a room deleted through one is gone through the other at once.
 */
class TwoInstanceTests {

	private static final int MESSAGES = 30;

	@Test
	@EnabledIfEnvironmentVariable(named = "CHAT_TEST_MQTT_URL", matches = ".+",
			disabledReason = "CHAT_TEST_MQTT_URL is not set: storing across instances needs a broker with shared "
					+ "subscriptions")
	void everyMessageIsStoredOnceAndBothInstancesDeliverItOnce() throws Exception {
		String[] database = database();
		String prefix = "test/" + UUID.randomUUID() + "/rooms";
		String broker = System.getenv("CHAT_TEST_MQTT_URL");
		try (ConfigurableApplicationContext one = start(database, prefix, broker, "test-store");
				ConfigurableApplicationContext two = start(database, prefix, broker, "test-store")) {
			TestRoom room = TestRooms.create(port(one));
			try (StompTestClient atOne = StompTestClient.connect(port(one));
					StompTestClient atTwo = StompTestClient.connect(port(two));
					MqttTestClient mqtt = MqttTestClient.connect(System.getenv("CHAT_TEST_MQTT_URL"))) {
				BlockingQueue<Map<String, Object>> inboxOne = atOne.subscribe(room.destination());
				BlockingQueue<Map<String, Object>> inboxTwo = atTwo.subscribe(room.destination());
				awaitSubscriber(one, room.destination());
				awaitSubscriber(two, room.destination());
				String send = room.sendDestination();
				for (int i = 0; i < MESSAGES / 3; i++) {
					atOne.send(send, Map.of("username", "one", "text", "from one " + i));
					atTwo.send(send, Map.of("username", "two", "text", "from two " + i));
					mqtt.publish(room.topic(), "terminal (t1): from mqtt " + i);
				}

				List<Map<String, Object>> seenAtOne = take(inboxOne);
				List<Map<String, Object>> seenAtTwo = take(inboxTwo);

				// Each instance delivers what it stored at once and the rest as
				// announced; its room feed reads back what another instance stored
				// first, so both deliver in seq order, each message once.
				List<Integer> inOrder = IntStream.rangeClosed(1, MESSAGES).boxed().toList();
				assertThat(seenAtOne).extracting((message) -> message.get("seq")).containsExactlyElementsOf(inOrder);
				assertThat(seenAtTwo).extracting((message) -> message.get("seq")).containsExactlyElementsOf(inOrder);
				assertThat(seenAtOne).isEqualTo(seenAtTwo);
				JdbcClient jdbc = one.getBean(JdbcClient.class);
				assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE room_id = :room")
					.param("room", room.id())
					.query(Long.class)
					.single()).isEqualTo(MESSAGES);
				assertThat(jdbc.sql("SELECT COUNT(DISTINCT id) FROM message WHERE room_id = :room")
					.param("room", room.id())
					.query(Long.class)
					.single()).isEqualTo(MESSAGES);
			}
		}
	}

	@Test
	void roomDeletedThroughOneInstanceIsGoneThroughTheOtherAtOnce() throws Exception {
		String[] database = database();
		String prefix = "test/" + UUID.randomUUID() + "/rooms";
		String external = System.getenv("CHAT_TEST_MQTT_URL");
		// Without a broker named for the test, the first instance's embedded broker
		// serves both; without a shared group both try to store each message, and the
		// unique id keeps one.
		try (ConfigurableApplicationContext one = start(database, prefix, (external != null) ? external : "", "");
				ConfigurableApplicationContext two = start(database, prefix, one.getBean(BrokerEndpoint.class).url(),
						"")) {
			TestRoom room = TestRooms.create(port(one));
			try (StompTestClient atTwo = StompTestClient.connect(port(two));
					StompTestClient atOne = StompTestClient.connect(port(one));
					MqttTestClient mqtt = MqttTestClient.connect(one.getBean(BrokerEndpoint.class).url())) {
				BlockingQueue<MqttTestClient.Received> deletions = mqtt.subscribe(room.topic() + "/deleted");
				BlockingQueue<Map<String, Object>> errors = atTwo.subscribe("/user/queue/errors");
				BlockingQueue<Map<String, Object>> inbox = atTwo.subscribe(room.destination());
				BlockingQueue<Map<String, Object>> presenceAtTwo = atTwo.subscribe(room.destination() + "/presence");
				BlockingQueue<Map<String, Object>> presenceAtOne = atOne.subscribe(room.destination() + "/presence");
				awaitSubscriber(two, room.destination());
				awaitSubscriber(two, room.destination() + "/presence");
				awaitSubscriber(one, room.destination() + "/presence");
				atTwo.send(room.sendDestination(), Map.of("username", "two", "text", "before"));
				assertThat(inbox.poll(15, TimeUnit.SECONDS)).as("a message before the delete")
					.containsEntry("text", "before");
				RestClient.ResponseSpec.ErrorHandler ignoreErrors = (request, response) -> {
				};

				assertThat(http(one).delete()
					.uri("/api/rooms/" + room.id())
					.header("Authorization", "Bearer " + room.ownerToken())
					.retrieve()
					.toBodilessEntity()
					.getStatusCode()
					.value()).isEqualTo(204);

				// At once: the first requests after the delete, with no waiting in
				// between.
				for (String path : List.of("/api/rooms/" + room.id(), "/api/rooms/" + room.id() + "/messages")) {
					assertThat(http(two).get()
						.uri(path)
						.retrieve()
						.onStatus((status) -> true, ignoreErrors)
						.toBodilessEntity()
						.getStatusCode()
						.value()).as(path).isEqualTo(404);
				}
				// Every reader, on either instance, is told without sending anything.
				assertThat(nextOfType(presenceAtOne, "deleted")).as("told through the deleting instance").isNotNull();
				assertThat(nextOfType(presenceAtTwo, "deleted")).as("told through the other instance").isNotNull();
				assertThat(two.getBean(RoomPresence.class).members(room.id())).as("no roster left").isEmpty();
				atTwo.send(room.sendDestination(), Map.of("username", "two", "text", "after"));
				assertThat(errors.poll(15, TimeUnit.SECONDS)).as("the SEND after the delete")
					.containsEntry("code", "unknown-room");
				assertThat(inbox.poll(1, TimeUnit.SECONDS)).as("nothing delivered after the delete").isNull();
				// MQTT clients (and the other instances' caches) hear of it on the room's
				// deleted topic.
				MqttTestClient.Received announced = deletions.poll(10, TimeUnit.SECONDS);
				assertThat(announced).as("the announcement on %s/deleted", room.topic()).isNotNull();
				assertThat(announced.text()).contains("\"roomId\":\"" + room.id() + "\"").contains("\"instance\":");
			}
		}
	}

	/**
	 * The next frame of {@code type} (the roster and joins before it skipped), or null.
	 */
	private static Map<String, Object> nextOfType(BlockingQueue<Map<String, Object>> frames, String type)
			throws InterruptedException {
		for (Map<String, Object> frame = frames.poll(10, TimeUnit.SECONDS); frame != null; frame = frames.poll(10,
				TimeUnit.SECONDS)) {
			if (type.equals(frame.get("type"))) {
				return frame;
			}
		}
		return null;
	}

	private static RestClient http(ConfigurableApplicationContext gateway) {
		return RestClient.create("http://localhost:" + port(gateway));
	}

	private static void awaitSubscriber(ConfigurableApplicationContext gateway, String destination) {
		BrokerSubscriptions.await(gateway.getBean(SimpleBrokerMessageHandler.class), destination, 1);
	}

	private static List<Map<String, Object>> take(BlockingQueue<Map<String, Object>> inbox) throws Exception {
		List<Map<String, Object>> messages = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			Map<String, Object> message = inbox.poll(20, TimeUnit.SECONDS);
			assertThat(message)
				.as("message %d of %d; lost after the seqs %s", i + 1, MESSAGES,
						messages.stream().map((seen) -> seen.get("seq")).sorted().toList())
				.isNotNull();
			messages.add(message);
		}
		assertThat(inbox.poll(1, TimeUnit.SECONDS)).as("no duplicate delivery").isNull();
		return messages;
	}

	private static String[] database() {
		String postgres = System.getenv("CHAT_TEST_POSTGRES_URL");
		if (postgres != null && !postgres.isBlank()) {
			return TestDatabases.postgres(postgres);
		}
		// One in-memory database that both instances in this JVM open by name.
		return new String[] { "--spring.datasource.url=jdbc:h2:mem:two-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" };
	}

	private static ConfigurableApplicationContext start(String[] database, String prefix, String broker,
			String sharedGroup) {
		ConfigurableApplicationContext gateway = TestGateway.start(database, "chat.mqtt.url=" + broker,
				"chat.rooms.topic-prefix=" + prefix, "chat.storage.shared-group=" + sharedGroup);
		await().atMost(Duration.ofSeconds(15)).until(() -> gateway.getBean(MqttLinkMonitor.class).bridgeReady());
		return gateway;
	}

	private static int port(ConfigurableApplicationContext gateway) {
		return ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

}
