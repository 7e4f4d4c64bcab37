package dev.mqttchat.gateway.chat;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Edits, deletes and reactions: one stream with the messages, history with the current
 * state, and only a message's author key may edit or delete it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MessageActionTests {

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void bridgeIsReady() {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
	}

	@Test
	void reactionsToggleAndHistoryAggregatesThem() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		AuthorKey adaKey = AuthorKey.generate();
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				StompTestClient bob = StompTestClient.connect(this.port, "bob");
				MqttTestClient eve = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			ada.send(room.sendDestination(), adaKey.sign(room.id(), body("ada", "m-1", "text", "lunch?")));
			String original = (String) live.poll(15, TimeUnit.SECONDS).get("id");

			bob.send(room.sendDestination(), reaction("bob", original, "👍"));
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("type", "reaction")
				.containsEntry("target", original)
				.containsEntry("emoji", "👍")
				.containsEntry("username", "bob")
				.containsEntry("added", true)
				.as("only its own change, never the target's reactions")
				.doesNotContainKey("reactions");
			eve.publish(room.topic(),
					"{\"type\":\"reaction\",\"target\":\"" + original + "\",\"emoji\":\"🎉\",\"username\":\"eve\"}");
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("emoji", "🎉")
				.containsEntry("username", "eve")
				.containsEntry("added", true)
				.doesNotContainKey("reactions");
			bob.send(room.sendDestination(), reaction("bob", original, "👍"));
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("emoji", "👍")
				.containsEntry("username", "bob")
				.containsEntry("added", false)
				.doesNotContainKey("reactions");

			List<Map<String, Object>> history = history(room.id());
			assertThat(history).hasSize(4);
			assertThat(history.get(0)).containsEntry("type", "message")
				.containsEntry("reactions", Map.of("🎉", List.of("eve")))
				.containsEntry("stateSeq", 4);
			assertThat(history.subList(1, 4)).as("the reaction entries in history, each with its own change")
				.extracting((entry) -> entry.get("added"))
				.containsExactly(true, true, false);
		}
	}

	@Test
	void theAuthorEditsAndDeletesAndTheTextLeavesTheDatabase() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		AuthorKey adaKey = AuthorKey.generate();
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			ada.send(room.sendDestination(), adaKey.sign(room.id(), body("ada", "m-1", "text", "see you at 12")));
			String original = (String) live.poll(15, TimeUnit.SECONDS).get("id");

			Map<String, Object> edit = body("ada", "m-2", "text", "see you at 1");
			edit.put("type", "edit");
			edit.put("target", original);
			Map<String, Object> signedEdit = adaKey.sign(room.id(), edit);
			ada.send(room.sendDestination(), signedEdit);
			Map<String, Object> editEntry = live.poll(15, TimeUnit.SECONDS);
			assertThat(editEntry).containsEntry("type", "edit").containsEntry("text", "see you at 1");
			Map<String, Object> edited = history(room.id()).get(0);
			assertThat(edited).containsEntry("text", "see you at 1")
				.containsKey("editedAt")
				.containsEntry("clientMsgId", "m-1")
				.containsEntry("lastEdit", Map.of("id", editEntry.get("id"), "seq", editEntry.get("seq"), "clientMsgId",
						"m-2", "username", "ada", "sig", signedEdit.get("sig")));
			// The current state verifies on its own: the edit it names signed its text.
			@SuppressWarnings("unchecked")
			Map<String, Object> last = (Map<String, Object>) edited.get("lastEdit");
			assertThat(AuthorSignature
				.holds(new ChatMessage((String) last.get("id"), room.id(), (String) last.get("username"), null,
						(String) edited.get("text"), Instant.now(), MessageSource.WEB, null,
						new MessageEnvelope(MessageType.EDIT, (String) edited.get("id"), null,
								(String) last.get("clientMsgId"), (String) edited.get("author"),
								(String) last.get("sig")))))
				.as("the current text verified from the current state alone")
				.isTrue();

			ada.send(room.sendDestination(), adaKey.sign(room.id(), action("ada", "m-3", "delete", original)));
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("type", "delete");
			Map<String, Object> tombstone = history(room.id()).get(0);
			assertThat(tombstone).containsEntry("deleted", true)
				.doesNotContainKey("text")
				.doesNotContainKey("editedAt")
				.doesNotContainKey("lastEdit");
			assertThat(this.jdbc.sql("SELECT text FROM message WHERE room_id = :room")
				.param("room", room.id())
				.query(String.class)
				.list()).as("texts left in the database").containsOnly("");
		}
	}

	@Test
	void noOneButTheAuthorKeyEditsAMessage() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		AuthorKey adaKey = AuthorKey.generate();
		AuthorKey bobKey = AuthorKey.generate();
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				StompTestClient mallory = StompTestClient.connect(this.port, "ada");
				MqttTestClient eve = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			BlockingQueue<Map<String, Object>> errors = mallory.subscribe("/user/queue/errors");
			ada.send(room.sendDestination(), adaKey.sign(room.id(), body("ada", "m-1", "text", "first")));
			String first = (String) live.poll(15, TimeUnit.SECONDS).get("id");
			ada.send(room.sendDestination(), adaKey.sign(room.id(), body("ada", "m-2", "text", "second")));
			String second = (String) live.poll(15, TimeUnit.SECONDS).get("id");
			Map<String, Object> edit = body("ada", "m-3", "text", "first, edited");
			edit.put("type", "edit");
			edit.put("target", first);
			Map<String, Object> signedEdit = adaKey.sign(room.id(), edit);
			ada.send(room.sendDestination(), signedEdit);
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("type", "edit");

			Map<String, Object> forged = new HashMap<>(edit);
			forged.put("clientMsgId", "m-4");
			mallory.send(room.sendDestination(), bobKey.sign(room.id(), forged));
			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "not-your-message");
			Map<String, Object> moved = new HashMap<>(signedEdit);
			moved.put("target", second);
			mallory.send(room.sendDestination(), moved);
			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "invalid-signature");
			Map<String, Object> unsigned = new HashMap<>(edit);
			unsigned.put("clientMsgId", "m-5");
			mallory.send(room.sendDestination(), unsigned);
			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "signature-required");
			// Over MQTT the same forgeries are dropped by the store.
			Map<String, Object> overMqtt = new HashMap<>(bobKey.sign(room.id(), forged));
			eve.publish(room.topic(), this.json.writeValueAsString(overMqtt));
			eve.publish(room.topic(), this.json.writeValueAsString(moved));
			// A replay of the signed edit is the same entry, stored once.
			mallory.send(room.sendDestination(), signedEdit);
			eve.publish(room.topic(), this.json.writeValueAsString(signedEdit));
			eve.publish(room.topic(), "{\"username\":\"eve\",\"text\":\"marker\"}");

			assertThat(live.poll(15, TimeUnit.SECONDS)).as("the next entry after the forgeries")
				.containsEntry("text", "marker");
			assertThat(history(room.id())).extracting((message) -> message.get("text"))
				.containsExactly("first, edited", "second", "first, edited", "marker");
		}
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

	private List<Map<String, Object>> history(String roomId) {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/rooms/{id}/messages", roomId)
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}

}
