package dev.mqttchat.gateway.chat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.PythonScript;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The example clients of {@code docs/protocol.md}, written from the document in Python: a
 * browser user sees the signed client's message, its edit, its reaction and its delete;
 * and the MQTT-only client's reply and reaction to another MQTT client's message and its
 * edit of its own reply, made from what the stored and feedback topics told it.
 */
@Tag("jdk-smoke")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignedClientScriptTests {

	private static final Path SCRIPT = Path.of("docs", "examples", "signed_actions.py");

	private static final Path CONVERSATION = Path.of("docs", "examples", "mqtt_conversation.py");

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@DynamicPropertySource
	static void brokerNobodyHereWrote(DynamicPropertyRegistry registry) {
		String url = System.getenv("CHAT_TEST_MQTT_URL");
		if (url != null && !url.isBlank()) {
			registry.add("chat.mqtt.url", () -> url);
			registry.add("chat.rooms.topic-prefix", () -> "test/" + UUID.randomUUID() + "/chat/rooms");
		}
	}

	@Test
	void theDocumentedSignedClientEditsReactsAndDeletes() throws Exception {
		assumeThat(PythonScript.available("paho.mqtt.client", "cryptography"))
			.as("python3 with paho-mqtt and cryptography (apt-get install python3-paho-mqtt python3-cryptography)")
			.isTrue();
		await().atMost(Duration.ofSeconds(15)).until(() -> this.links.allUp());
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			String host = this.broker.url().replaceFirst("^tcp://", "");

			PythonScript script = PythonScript.start(SCRIPT, room.topic(), host.substring(0, host.lastIndexOf(':')),
					host.substring(host.lastIndexOf(':') + 1), "http://localhost:" + this.port);

			Map<String, Object> message = live.poll(15, TimeUnit.SECONDS);
			assertThat(message).as(script::printed).containsEntry("text", "see you at 12").containsKey("author");
			assertThat(live.poll(15, TimeUnit.SECONDS)).as(script::printed)
				.containsEntry("type", "edit")
				.containsEntry("target", message.get("id"))
				.containsEntry("text", "see you at 1");
			assertThat(live.poll(15, TimeUnit.SECONDS)).as(script::printed)
				.containsEntry("type", "reaction")
				.containsEntry("emoji", "👍");
			assertThat(live.poll(15, TimeUnit.SECONDS)).as(script::printed).containsEntry("type", "delete");
			int exit = script.exitCode();
			String output = script.printed();
			assertThat(exit).as(output).isZero();
			assertThat(output).as("the history the script printed").contains("\"deleted\": true");
		}
	}

	@Test
	void theDocumentedMqttOnlyClientRepliesReactsAndEditsWithoutRest() throws Exception {
		assumeThat(PythonScript.available("paho.mqtt.client", "cryptography"))
			.as("python3 with paho-mqtt and cryptography (apt-get install python3-paho-mqtt python3-cryptography)")
			.isTrue();
		await().atMost(Duration.ofSeconds(15)).until(() -> this.links.allUp());
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient grace = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			String host = this.broker.url().replaceFirst("^tcp://", "");
			PythonScript script = PythonScript.start(CONVERSATION, room.topic(),
					host.substring(0, host.lastIndexOf(':')), host.substring(host.lastIndexOf(':') + 1));
			await().atMost(Duration.ofSeconds(15)).until(() -> script.printed().contains("ready"));

			grace.publish(room.topic(), "grace (term-1): lunch at noon?");
			Map<String, Object> question = live.poll(15, TimeUnit.SECONDS);
			assertThat(question).as(script::printed).containsEntry("text", "lunch at noon?");
			Map<String, Object> reply = live.poll(15, TimeUnit.SECONDS);
			assertThat(reply).as(script::printed)
				.containsEntry("text", "noon works")
				.containsEntry("replyTo", question.get("id"))
				.containsEntry("username", "eve");
			assertThat(live.poll(15, TimeUnit.SECONDS)).as(script::printed)
				.containsEntry("type", "reaction")
				.containsEntry("target", question.get("id"))
				.containsEntry("added", true);
			assertThat(live.poll(15, TimeUnit.SECONDS)).as("the refused edit of grace's message is never stored")
				.containsEntry("type", "edit")
				.containsEntry("target", reply.get("id"))
				.containsEntry("text", "noon works, see you there");
			int exit = script.exitCode();
			String output = script.printed();
			assertThat(exit).as(output).isZero();
			assertThat(output).contains("heard 1 " + question.get("id"))
				.contains("stored 2 " + reply.get("id"))
				.contains("refused not-your-message r-3")
				.contains("edited 4 " + reply.get("id"));
		}
	}

}
