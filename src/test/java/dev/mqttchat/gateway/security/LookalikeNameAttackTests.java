package dev.mqttchat.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.RawWebSocket;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Names that pass for others: invisible and text-direction characters are refused at
 * every entrance, a name is kept in its NFKC form, and a name mixing scripts like a spoof
 * is marked, with the skeleton that shows whom it imitates.
 */
@Tag("jdk-smoke")
@GatewayUnderAttack
class LookalikeNameAttackTests {

	private static final String ZERO_WIDTH = "ad\u200ba";

	private static final String REVERSED = "\u202enimda";

	private static final String CYRILLIC = "\u0430d\u0430";

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MeterRegistry meters;

	@Autowired
	SimpleBrokerMessageHandler stompBroker;

	@Test
	void invisibleOrDirectionCharactersInAConnectUsernameEndTheConnection() throws Exception {
		for (String name : List.of(ZERO_WIDTH, REVERSED, "ada\u2066", "\ufeffada", "ada\u2060")) {
			try (RawWebSocket socket = RawWebSocket.open(this.port, Map.of())) {
				socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nusername:" + name + "\n\n\u0000");

				assertThat(socket.next(Duration.ofSeconds(10))).as("CONNECT as %s", name.codePoints().toArray())
					.startsWith("ERROR")
					.contains("Invalid username header")
					.contains(String.format("U+%04X", name.codePoints().filter((c) -> c > 0x7f).findFirst().orElse(0)));
			}
		}
	}

	@Test
	void aSendCannotNameItselfWithAnInvisibleCharacter() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient client = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> errors = client.subscribe("/user/queue/errors");
			BlockingQueue<Map<String, Object>> messages = client.subscribe(room.destination());

			client.send(room.sendDestination(), Map.of("username", ZERO_WIDTH, "text", "I am ada"));

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "invalid-username");
			assertThat(messages.poll(1, TimeUnit.SECONDS)).as("message under the name").isNull();
		}
	}

	@Test
	void aFullwidthNameIsKeptInItsNfkcForm() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient wide = StompTestClient.connect(this.port, "\uff41\uff44\uff41")) {
			BlockingQueue<Map<String, Object>> messages = wide.subscribe(room.destination());

			wide.send(room.sendDestination(), Map.of("text", "wide"));

			assertThat(messages.poll(10, TimeUnit.SECONDS)).containsEntry("username", "ada");
		}
	}

	@Test
	void mqttEntriesUnderAnInvisibleOrReversedNameAreDroppedAndCounted() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		double before = dropped();
		try (StompTestClient reader = StompTestClient.connect(this.port);
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> messages = reader.subscribe(room.destination());
			// Nothing orders the reader's SUBSCRIBE before the MQTT messages.
			BrokerSubscriptions.await(this.stompBroker, room.destination(), 1);

			mqtt.publish(room.topic(), "{\"username\":\"" + ZERO_WIDTH + "\",\"text\":\"one\"}");
			mqtt.publish(room.topic(), "{\"username\":\"" + REVERSED + "\",\"text\":\"two\"}");
			mqtt.publishRetained(room.topic() + "/presence/mallory",
					"{\"username\":\"" + ZERO_WIDTH + "\",\"status\":\"online\"}");
			mqtt.publishRetained(room.topic() + "/presence/eve", "{\"username\":\"eve\",\"status\":\"online\"}");
			mqtt.publish(room.topic(), "{\"username\":\"ada\",\"text\":\"three\"}");

			assertThat(messages.poll(10, TimeUnit.SECONDS)).as("the first message shown")
				.containsEntry("username", "ada")
				.containsEntry("text", "three");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(presence(room)).extracting((member) -> member.get("username"))
					.containsExactly("eve"));
			assertThat(dropped() - before).as("entries dropped as deceptive").isEqualTo(3);
			mqtt.publishRetained(room.topic() + "/presence/mallory", "");
			mqtt.publishRetained(room.topic() + "/presence/eve", "");
		}
	}

	@Test
	void aCyrillicLookalikeOfAPresentNameIsMarked() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				StompTestClient mallory = StompTestClient.connect(this.port, CYRILLIC)) {
			BlockingQueue<Map<String, Object>> messages = ada.subscribe(room.destination());

			ada.send(room.sendDestination(), Map.of("text", "the real one"));
			assertThat(messages.poll(10, TimeUnit.SECONDS)).containsEntry("username", "ada")
				.doesNotContainKeys("lookalike", "nameSkeleton");
			mallory.send(room.sendDestination(), Map.of("text", "me too"));

			assertThat(messages.poll(10, TimeUnit.SECONDS)).containsEntry("username", CYRILLIC)
				.containsEntry("lookalike", true)
				.containsEntry("nameSkeleton", "ada");
			mallory.subscribe(room.destination());
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(presence(room)).as("the roster")
					.anySatisfy((member) -> assertThat(member).containsEntry("username", CYRILLIC)
						.containsEntry("lookalike", true)
						.containsEntry("nameSkeleton", "ada")));
		}
	}

	private double dropped() {
		return this.meters.counter("chat.mqtt.payloads.dropped", "reason", "deceptive-username").count();
	}

	private List<Map<String, Object>> presence(TestRoom room) {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/rooms/{id}/presence", room.id())
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}

}
