package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.mqttchat.gateway.GatewayApplication;
import dev.mqttchat.gateway.bridge.MqttLinks;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestRooms;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances on one broker and one database: every message is stored exactly once, and both instances
 * deliver the same messages to their users, each once, numbered in one order. Needs a broker with shared
 * subscriptions (CI: Mosquitto).
 */
@EnabledIfEnvironmentVariable(named = "CHAT_TEST_MQTT_URL", matches = ".+",
		disabledReason = "CHAT_TEST_MQTT_URL is not set: two-instance tests need a broker with shared subscriptions")
class TwoInstanceTests {

	private static final int MESSAGES = 30;

	@Test
	void everyMessageIsStoredOnceAndBothInstancesDeliverItOnce() throws Exception {
		String[] database = database();
		String prefix = "test/" + UUID.randomUUID() + "/rooms";
		try (ConfigurableApplicationContext one = start(database, prefix);
				ConfigurableApplicationContext two = start(database, prefix)) {
			Map<String, Object> room = TestRooms.create(port(one));
			try (StompTestClient atOne = StompTestClient.connect(port(one));
					StompTestClient atTwo = StompTestClient.connect(port(two));
					MqttTestClient mqtt = MqttTestClient.connect(System.getenv("CHAT_TEST_MQTT_URL"))) {
				BlockingQueue<Map<String, Object>> inboxOne = atOne.subscribe((String) room.get("destination"));
				BlockingQueue<Map<String, Object>> inboxTwo = atTwo.subscribe((String) room.get("destination"));
				String send = (String) room.get("sendDestination");
				for (int i = 0; i < MESSAGES / 3; i++) {
					atOne.send(send, Map.of("username", "one", "text", "from one " + i));
					atTwo.send(send, Map.of("username", "two", "text", "from two " + i));
					mqtt.publish((String) room.get("topic"), "terminal (t1): from mqtt " + i);
				}

				List<Map<String, Object>> seenAtOne = take(inboxOne);
				List<Map<String, Object>> seenAtTwo = take(inboxTwo);

				// Each instance delivers what it stored at once and the rest as announced, so with two writers the
				// arrival order may briefly differ from seq order (readers sort by seq); the messages are the same.
				assertThat(bySeq(seenAtOne)).isEqualTo(bySeq(seenAtTwo));
				assertThat(seenAtOne).extracting((message) -> message.get("seq"))
					.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, MESSAGES).boxed().toList());
				JdbcClient jdbc = one.getBean(JdbcClient.class);
				assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE room_id = :room")
					.param("room", room.get("id"))
					.query(Long.class)
					.single()).isEqualTo(MESSAGES);
				assertThat(jdbc.sql("SELECT COUNT(DISTINCT id) FROM message WHERE room_id = :room")
					.param("room", room.get("id"))
					.query(Long.class)
					.single()).isEqualTo(MESSAGES);
			}
		}
	}

	private static List<Map<String, Object>> bySeq(List<Map<String, Object>> messages) {
		return messages.stream().sorted(Comparator.comparingLong((message) -> ((Number) message.get("seq")).longValue()))
			.toList();
	}

	private static List<Map<String, Object>> take(BlockingQueue<Map<String, Object>> inbox) throws Exception {
		List<Map<String, Object>> messages = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			Map<String, Object> message = inbox.poll(20, TimeUnit.SECONDS);
			assertThat(message).as("message %d of %d", i + 1, MESSAGES).isNotNull();
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

	private static ConfigurableApplicationContext start(String[] database, String prefix) {
		ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
			.properties("server.port=0", "chat.mqtt.url=" + System.getenv("CHAT_TEST_MQTT_URL"),
					"chat.rooms.topic-prefix=" + prefix, "chat.storage.shared-group=test-store")
			.run(database);
		await().atMost(Duration.ofSeconds(15)).until(() -> gateway.getBean(MqttLinks.class).bridgeReady());
		return gateway;
	}

	private static int port(ConfigurableApplicationContext gateway) {
		return ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

}
