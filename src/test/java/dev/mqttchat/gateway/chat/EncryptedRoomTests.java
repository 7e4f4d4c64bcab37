package dev.mqttchat.gateway.chat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.RoomCipher;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An end-to-end encrypted room: the gateway stores and forwards sealed text only, and
 * neither the broker, the history nor the database ever holds the plaintext.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EncryptedRoomTests {

	private static final String SECRET_TEXT = "the launch code is 0000";

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	private final SecureRandom random = new SecureRandom();

	@BeforeEach
	void bridgeIsReady() {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
	}

	@Test
	void onlySealedTextIsKeptAndNobodyButTheKeyHoldersReadsIt() throws Exception {
		Map<String, Object> room = createEncryptedRoom();
		String id = (String) room.get("id");
		assertThat(room).containsEntry("encrypted", true);
		assertThat(http().get().uri("/api/rooms/{id}", id).retrieve().body(Map.class)).containsEntry("encrypted", true);
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		RoomCipher cipher = new RoomCipher(secret);
		AuthorKey key = AuthorKey.generate();
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe((String) room.get("destination"));
			BlockingQueue<Map<String, Object>> errors = ada.subscribe("/user/queue/errors");
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe((String) room.get("topic"));
			String send = (String) room.get("sendDestination");

			ada.send(send, Map.of("text", "in the clear", "clientMsgId", "p-0"));
			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "encrypted-room");
			ada.send(send, key.sign(id, sealed(cipher, id, key.author(), "p-1", "message", null)));
			Map<String, Object> message = live.poll(15, TimeUnit.SECONDS);
			assertThat(message).containsEntry("v", 1)
				.containsEntry("kid", cipher.kid())
				.containsKeys("iv", "ciphertext")
				.doesNotContainKey("text");
			assertThat(cipher.open(id, key.author(), "p-1", (String) message.get("iv"),
					(String) message.get("ciphertext")))
				.as("what a key holder reads")
				.contains(SECRET_TEXT);
			Map<String, Object> edit = key.sign(id,
					sealed(cipher, id, key.author(), "p-2", "edit", (String) message.get("id")));
			ada.send(send, edit);
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("type", "edit").doesNotContainKey("text");
			ada.send(send, Map.of("type", "reaction", "target", message.get("id"), "emoji", "👍"));
			assertThat(errors.poll(15, TimeUnit.SECONDS)).as("a reaction's emoji in the clear")
				.containsEntry("code", "encrypted-room");
			Map<String, Object> reaction = sealed(cipher, id, null, "p-3", "reaction", (String) message.get("id"));
			reaction.put("emoji", cipher.reactionTag("👍"));
			ada.send(send, reaction);
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("type", "reaction")
				.containsEntry("emoji", cipher.reactionTag("👍"))
				.containsEntry("added", true);
			double before = dropped();
			BlockingQueue<MqttTestClient.Received> feedback = mqtt.subscribe(room.get("topic") + "/feedback/eve-1");
			mqtt.publish((String) room.get("topic"),
					"{\"username\": \"eve\", \"clientId\": \"eve-1\", \"text\": \"" + SECRET_TEXT + "\"}");
			await().atMost(Duration.ofSeconds(10)).until(() -> dropped() > before);
			assertThat(feedback.poll(15, TimeUnit.SECONDS).text()).as("the sender is told why")
				.contains("\"reason\":\"encrypted-room\"")
				.doesNotContain("launch");

			List<Map<String, Object>> history = http().get()
				.uri("/api/rooms/{id}/messages", id)
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(history).hasSize(3).allSatisfy((entry) -> assertThat(entry).doesNotContainKey("text"));
			assertThat(history.get(0)).containsKey("editedAt")
				.containsKey("ciphertext")
				.containsEntry("clientMsgId", "p-1");
			@SuppressWarnings("unchecked")
			Map<String, Object> lastEdit = (Map<String, Object>) history.get(0).get("lastEdit");
			assertThat(lastEdit).containsEntry("clientMsgId", "p-2").containsEntry("sig", edit.get("sig"));
			assertThat(cipher.open(id, key.author(), (String) lastEdit.get("clientMsgId"),
					(String) history.get(0).get("iv"), (String) history.get(0).get("ciphertext")))
				.as("the edited text, opened from history alone")
				.contains(SECRET_TEXT);
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM message WHERE room_id = :room AND (text LIKE :secret "
						+ "OR ciphertext LIKE :secret OR text <> '')")
				.param("room", id)
				.param("secret", "%launch%")
				.query(Long.class)
				.single()).as("rows with plaintext").isZero();
			assertThat(onTopic.poll(1, TimeUnit.SECONDS).text()).doesNotContain("launch");
		}
	}

	@Test
	void sealedTextIsRefusedWhereTheRoomIsNotEncrypted() throws Exception {
		Map<String, Object> room = http().post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of())
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		assertThat(room).containsEntry("encrypted", false);
		RoomCipher cipher = new RoomCipher(new byte[32]);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			BlockingQueue<Map<String, Object>> errors = ada.subscribe("/user/queue/errors");
			ada.send((String) room.get("sendDestination"),
					sealed(cipher, (String) room.get("id"), null, "p-1", "message", null));
			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "not-encrypted");
		}
	}

	private Map<String, Object> sealed(RoomCipher cipher, String roomId, String author, String clientMsgId, String type,
			String target) throws Exception {
		byte[] iv = new byte[12];
		this.random.nextBytes(iv);
		Map<String, Object> body = new HashMap<>(Map.of("username", "ada", "clientMsgId", clientMsgId, "type", type,
				"v", 1, "kid", cipher.kid(), "iv", RoomCipher.base64url(iv), "ciphertext",
				cipher.seal(roomId, author, clientMsgId, "{\"text\":\"" + SECRET_TEXT + "\"}", iv)));
		if (target != null) {
			body.put("target", target);
		}
		return body;
	}

	private double dropped() {
		var counter = this.meters.find("chat.mqtt.payloads.dropped").tag("reason", "encrypted-room").counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Map<String, Object> createEncryptedRoom() {
		return http().post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Secret plans", "encrypted", true))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
