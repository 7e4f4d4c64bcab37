package dev.mqttchat.gateway.chat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Threads end to end (the same context as {@link ReplyTests}): every reply, from the page
 * or from MQTT, carries the {@code threadId} of its root live, on the topic and in
 * history; a wrong one from MQTT is corrected; signatures, which do not cover it, hold.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ThreadTests {

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	BrokerEndpoint broker;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void bridgeIsReady() {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
	}

	@Test
	void webRepliesNameTheirRootAndAReplyToAReplyJoinsTheRootsThread() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());
			ada.send(room.sendDestination(), Map.of("text", "release today?"));
			String root = (String) live.poll(15, TimeUnit.SECONDS).get("id");
			assertThat(onTopic.poll(15, TimeUnit.SECONDS).text()).doesNotContain("threadId");

			ada.send(room.sendDestination(), Map.of("text", "after the fix", "replyTo", root));
			Map<String, Object> reply = live.poll(15, TimeUnit.SECONDS);
			assertThat(reply).containsEntry("replyTo", root).containsEntry("threadId", root);
			assertThat(this.json.readValue(onTopic.poll(15, TimeUnit.SECONDS).text(), Map.class))
				.containsEntry("threadId", root);
			// A page's own threadId is not trusted either: the gateway derives it.
			ada.send(room.sendDestination(),
					Map.of("text", "which fix?", "replyTo", reply.get("id"), "threadId", "somewhere-else"));

			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("replyTo", reply.get("id"))
				.containsEntry("threadId", root);
			assertThat(history(room.id())).extracting((message) -> message.get("threadId"))
				.containsExactly(null, root, root);
			assertThat(history(room.id()).get(0)).containsEntry("replies", 2);
		}
	}

	@Test
	void mqttRepliesGetTheirThreadAndAWrongThreadIdIsCorrected() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			ada.send(room.sendDestination(), Map.of("text", "who reviews?"));
			String root = (String) live.poll(15, TimeUnit.SECONDS).get("id");

			mqtt.publish(room.topic(),
					"{\"id\":\"eve-1\",\"username\":\"eve\",\"text\":\"me\",\"replyTo\":\"" + root + "\"}");
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("id", "eve-1").containsEntry("threadId", root);
			mqtt.publish(room.topic(), "{\"id\":\"eve-2\",\"username\":\"eve\",\"text\":\"and me\","
					+ "\"replyTo\":\"eve-1\",\"threadId\":\"eve-1\"}");
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("id", "eve-2").containsEntry("threadId", root);
			mqtt.publish(room.topic(),
					"{\"id\":\"eve-3\",\"username\":\"eve\",\"text\":\"no reply\",\"threadId\":\"" + root + "\"}");
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("id", "eve-3").doesNotContainKey("threadId");

			assertThat(history(room.id())).extracting((message) -> message.get("threadId"))
				.containsExactly(null, root, root, null);
		}
	}

	@Test
	void signedRepliesVerifyWithTheirThreadIdAdded() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		AuthorKey adaKey = AuthorKey.generate();
		AuthorKey eveKey = AuthorKey.generate();
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			ada.send(room.sendDestination(), adaKey.sign(room.id(), body("ada", "m-1", null, "ship it")));
			String root = (String) live.poll(15, TimeUnit.SECONDS).get("id");
			ada.send(room.sendDestination(), adaKey.sign(room.id(), body("ada", "m-2", root, "tests first")));
			Map<String, Object> reply = live.poll(15, TimeUnit.SECONDS);
			assertThat(reply).containsEntry("threadId", root);

			// Signed without a threadId, sent with a wrong one: still eve's, in the
			// root's
			// thread.
			Map<String, Object> signed = new HashMap<>(
					eveKey.sign(room.id(), body("eve", "e-1", (String) reply.get("id"), "they pass")));
			signed.put("threadId", "wrong");
			mqtt.publish(room.topic(), this.json.writeValueAsString(signed));

			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("author", eveKey.author())
				.containsEntry("threadId", root);
			List<Map<String, Object>> history = history(room.id());
			assertThat(history).hasSize(3)
				.allSatisfy((entry) -> assertThat(AuthorSignature.verifies((String) entry.get("author"),
						(String) entry.get("sig"), AuthorKey.signedBytes(room.id(), entry)))
					.as("signature of %s", entry.get("text"))
					.isTrue());
		}
	}

	private static Map<String, Object> body(String username, String clientMsgId, String replyTo, String text) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("clientMsgId", clientMsgId);
		body.put("text", text);
		if (replyTo != null) {
			body.put("replyTo", replyTo);
		}
		return body;
	}

	private List<Map<String, Object>> history(String roomId) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> RestClient.create("http://localhost:" + this.port)
				.get()
				.uri("/api/rooms/{id}/messages", roomId)
				.retrieve()
				.body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}), (messages) -> messages != null && !messages.isEmpty());
	}

}
