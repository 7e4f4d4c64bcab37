package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Edits, deletes and reactions made through two instances: both instances' history and
 * catch-up return the same current state, and so does a gateway started afresh on the
 * same database.
 */
class ActionsAcrossInstancesTests {

	@Test
	void historyHasTheCurrentStateOnBothInstancesAndAfterARestart() throws Exception {
		String postgres = System.getenv("CHAT_TEST_POSTGRES_URL");
		String[] database = (postgres != null && !postgres.isBlank()) ? TestDatabases.postgres(postgres)
				: new String[] {
						"--spring.datasource.url=jdbc:h2:mem:actions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" };
		String prefix = "test/" + UUID.randomUUID() + "/rooms";
		String external = System.getenv("CHAT_TEST_MQTT_URL");
		String group = (external != null) ? "test-actions" : "";
		AuthorKey adaKey = AuthorKey.generate();
		TestRoom room;
		List<Map<String, Object>> before;
		try (ConfigurableApplicationContext one = start(database, prefix, (external != null) ? external : "", group);
				ConfigurableApplicationContext two = start(database, prefix, one.getBean(BrokerEndpoint.class).url(),
						group)) {
			room = TestRooms.create(TestGateway.port(one));
			try (StompTestClient ada = StompTestClient.connect(TestGateway.port(one), "ada");
					StompTestClient bob = StompTestClient.connect(TestGateway.port(two), "bob")) {
				BlockingQueue<Map<String, Object>> atBob = bob.subscribe(room.destination());
				ada.send(room.sendDestination(), adaKey.sign(room.id(), body("m-1", "message", null, "first")));
				String first = (String) atBob.poll(15, TimeUnit.SECONDS).get("id");
				ada.send(room.sendDestination(), adaKey.sign(room.id(), body("m-2", "message", null, "second")));
				String second = (String) atBob.poll(15, TimeUnit.SECONDS).get("id");
				long afterSecond = seq(history(TestGateway.port(two), room).get(1));

				Map<String, Object> reaction = new HashMap<>(
						Map.of("type", "reaction", "target", first, "emoji", "👍", "clientMsgId", "r-1"));
				bob.send(room.sendDestination(), reaction);
				ada.send(room.sendDestination(), adaKey.sign(room.id(), body("m-3", "edit", first, "first, edited")));
				ada.send(room.sendDestination(), adaKey.sign(room.id(), body("m-4", "delete", second, null)));
				List<Map<String, Object>> live = List.of(atBob.poll(15, TimeUnit.SECONDS),
						atBob.poll(15, TimeUnit.SECONDS), atBob.poll(15, TimeUnit.SECONDS));
				assertThat(live).extracting((entry) -> entry.get("type"))
					.containsExactlyInAnyOrder("reaction", "edit", "delete");

				before = history(TestGateway.port(one), room);
				assertThat(history(TestGateway.port(two), room)).as("the same through the other instance")
					.isEqualTo(before);
				assertThat(before.get(0)).containsEntry("text", "first, edited")
					.containsEntry("reactions", Map.of("👍", List.of("bob")))
					.containsKey("editedAt");
				assertThat(before).filteredOn((entry) -> "reaction".equals(entry.get("type")))
					.singleElement()
					.as("a reaction entry carries its own change, the same through either instance")
					.satisfies((entry) -> assertThat(entry).containsEntry("added", true)
						.containsEntry("username", "bob")
						.doesNotContainKey("reactions"));
				assertThat(before.get(1)).containsEntry("deleted", true).doesNotContainKey("text");
				// A reader catching up after the second message gets the three actions.
				assertThat(catchUp(TestGateway.port(two), room, afterSecond)).extracting((entry) -> entry.get("type"))
					.containsExactlyInAnyOrder("reaction", "edit", "delete");
			}
		}
		try (ConfigurableApplicationContext again = start(database, prefix, (external != null) ? external : "",
				group)) {
			assertThat(history(TestGateway.port(again), room)).as("after a restart").isEqualTo(before);
		}
	}

	private static Map<String, Object> body(String clientMsgId, String type, String target, String text) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", "ada");
		body.put("clientMsgId", clientMsgId);
		body.put("type", type);
		if (target != null) {
			body.put("target", target);
		}
		if (text != null) {
			body.put("text", text);
		}
		return body;
	}

	private static long seq(Map<String, Object> message) {
		return ((Number) message.get("seq")).longValue();
	}

	private static ConfigurableApplicationContext start(String[] database, String prefix, String broker,
			String sharedGroup) {
		ConfigurableApplicationContext gateway = TestGateway.start(database, "chat.mqtt.url=" + broker,
				"chat.rooms.topic-prefix=" + prefix, "chat.storage.shared-group=" + sharedGroup);
		await().atMost(Duration.ofSeconds(15)).until(() -> gateway.getBean(MqttLinkMonitor.class).bridgeReady());
		return gateway;
	}

	private static List<Map<String, Object>> history(int port, TestRoom room) {
		return catchUp(port, room, null);
	}

	private static List<Map<String, Object>> catchUp(int port, TestRoom room, Long after) {
		return RestClient.create("http://localhost:" + port)
			.get()
			.uri((after != null) ? "/api/rooms/" + room.id() + "/messages?after=" + after
					: "/api/rooms/" + room.id() + "/messages")
			.retrieve()
			.body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			});
	}

}
