package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What MQTT clients hear without REST: every stored entry with its id and seq on the
 * room's stored topic, and why a publication was refused on the sender's feedback topic.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StoredAndFeedbackTopicTests {

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
	void mqttClientsHearWhatWasStoredAndWhyNot() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		AuthorKey adaKey = AuthorKey.generate();
		AuthorKey eveKey = AuthorKey.generate();
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient eve = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<MqttTestClient.Received> stored = eve.subscribe(room.topic() + "/stored");
			BlockingQueue<MqttTestClient.Received> feedback = eve.subscribe(room.topic() + "/feedback/eve-1");
			BlockingQueue<MqttTestClient.Received> anonymous = eve.subscribe(room.topic() + "/feedback/_");
			ada.send(room.sendDestination(), adaKey.sign(room.id(), body("ada", "m-1", "text", "lunch?")));
			Map<String, Object> adas = next(stored);
			assertThat(adas).containsEntry("text", "lunch?")
				.containsEntry("seq", 1)
				.containsEntry("id", ChatMessage.idForAuthor(room.id(), adaKey.author(), "m-1"));

			eve.publish(room.topic(),
					"{\"username\":\"eve\",\"clientId\":\"eve-1\",\"id\":\"eve-1-m1\",\"text\":\"me too\"}");
			assertThat(next(stored)).containsEntry("id", "eve-1-m1")
				.containsEntry("seq", 2)
				.containsEntry("source", "mqtt");
			eve.publish(room.topic(), "eve (eve-1): plain text");
			assertThat(next(stored)).containsEntry("text", "plain text")
				.containsEntry("clientId", "eve-1")
				.containsEntry("seq", 3)
				.containsKey("id");
			Map<String, Object> react = reaction("eve", (String) adas.get("id"), "👍");
			eve.publish(room.topic(), this.json.writeValueAsString(react));
			assertThat(next(stored)).containsEntry("type", "reaction")
				.containsEntry("added", true)
				.containsEntry("seq", 4);

			Map<String, Object> edit = action("eve", "e-2", "edit", (String) adas.get("id"));
			edit.put("text", "mine now");
			Map<String, Object> stolen = new HashMap<>(eveKey.sign(room.id(), edit));
			stolen.put("clientId", "eve-1");
			eve.publish(room.topic(), this.json.writeValueAsString(stolen));
			assertThat(next(feedback)).as("refused by the store")
				.containsEntry("reason", "not-your-message")
				.containsEntry("roomId", room.id())
				.containsEntry("clientMsgId", "e-2")
				.containsEntry("id", ChatMessage.idForAuthor(room.id(), eveKey.author(), "e-2"))
				.containsEntry("type", "edit")
				.containsEntry("target", adas.get("id"))
				.containsKey("detail");
			Map<String, Object> tampered = new HashMap<>(eveKey.sign(room.id(), body("eve", "e-3", "text", "signed")));
			tampered.put("text", "tampered");
			tampered.put("clientId", "eve-1");
			eve.publish(room.topic(), this.json.writeValueAsString(tampered));
			assertThat(next(feedback)).as("refused as it arrived")
				.containsEntry("reason", "bad-signature")
				.containsEntry("clientMsgId", "e-3");
			Map<String, Object> nowhere = reaction("eve", "no-such-message", "👍");
			nowhere.put("clientId", "eve-1");
			eve.publish(room.topic(), this.json.writeValueAsString(nowhere));
			assertThat(next(feedback)).containsEntry("reason", "unknown-target")
				.containsEntry("target", "no-such-message");
			eve.publish(room.topic(), "{\"type\":\"poll\",\"text\":\"of a later version\"}");
			assertThat(next(anonymous)).as("a sender that names no clientId").containsEntry("reason", "unknown-type");

			eve.publish(room.topic(), "{\"username\":\"eve\",\"text\":\"marker\"}");
			assertThat(next(stored)).as("nothing refused was stored")
				.containsEntry("text", "marker")
				.containsEntry("seq", 5);
		}
	}

	private Map<String, Object> next(BlockingQueue<MqttTestClient.Received> topic) throws InterruptedException {
		MqttTestClient.Received received = topic.poll(15, TimeUnit.SECONDS);
		assertThat(received).as("a publication within 15 s").isNotNull();
		return this.json.readValue(received.text(), new TypeReference<Map<String, Object>>() {
		});
	}

	private static Map<String, Object> body(String username, String clientMsgId, String key, String value) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("clientMsgId", clientMsgId);
		body.put(key, value);
		return body;
	}

	private static Map<String, Object> action(String username, String clientMsgId, String type, String target) {
		Map<String, Object> body = body(username, clientMsgId, "type", type);
		body.put("target", target);
		return body;
	}

	private static Map<String, Object> reaction(String username, String target, String emoji) {
		Map<String, Object> body = new HashMap<>();
		body.put("username", username);
		body.put("type", "reaction");
		body.put("target", target);
		body.put("emoji", emoji);
		return body;
	}

}
