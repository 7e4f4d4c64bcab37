package dev.mqttchat.gateway.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
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
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Replies: a SEND's {@code replyTo} names a message of the same room and travels with the
 * reply to browsers, MQTT and history; MQTT clients reply the same way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReplyTests {

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
	void aReplyNamesItsOriginalLiveOnMqttAndInHistory() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());
			ada.send(room.sendDestination(), Map.of("text", "lunch at noon?"));
			String original = (String) live.poll(15, TimeUnit.SECONDS).get("id");
			assertThat(onTopic.poll(15, TimeUnit.SECONDS).text()).doesNotContain("replyTo");

			ada.send(room.sendDestination(), Map.of("text", "or one?", "replyTo", original));

			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("replyTo", original)
				.containsEntry("text", "or one?");
			assertThat(this.json.readValue(onTopic.poll(15, TimeUnit.SECONDS).text(), Map.class))
				.containsEntry("replyTo", original);
			mqtt.publish(room.topic(),
					"{\"username\":\"eve\",\"text\":\"noon works\",\"replyTo\":\"" + original + "\"}");
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("replyTo", original)
				.containsEntry("username", "eve");
			// On failure the history as it last stood is shown, ids and seqs included.
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(history(room.id())).as("the room's history")
					.extracting((message) -> message.get("text"), (message) -> message.get("replyTo"))
					.containsExactly(tuple("lunch at noon?", null), tuple("or one?", original),
							tuple("noon works", original)));
		}
	}

	@Test
	void aReplyToAMessageTheRoomDoesNotHaveIsRefused() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		TestRoom other = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			BlockingQueue<Map<String, Object>> elsewhere = ada.subscribe(other.destination());
			BlockingQueue<Map<String, Object>> errors = ada.subscribe("/user/queue/errors");
			ada.send(other.sendDestination(), Map.of("text", "in another room"));
			String foreign = (String) elsewhere.poll(15, TimeUnit.SECONDS).get("id");

			ada.send(room.sendDestination(), Map.of("text", "hm?", "replyTo", foreign, "clientMsgId", "m-1"));
			ada.send(room.sendDestination(), Map.of("text", "hm?", "replyTo", "x".repeat(65)));

			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "unknown-reply-to")
				.containsEntry("clientMsgId", "m-1");
			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "invalid-reply-to");
			assertThat(history(room.id())).isEmpty();
		}
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
