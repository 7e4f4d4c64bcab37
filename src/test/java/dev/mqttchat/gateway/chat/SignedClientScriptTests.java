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
 * The signed example client of {@code docs/protocol.md}, written from the document in
 * Python: a browser user sees its message, its edit, its reaction and its delete.
 */
@Tag("jdk-smoke")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignedClientScriptTests {

	private static final Path SCRIPT = Path.of("docs", "examples", "signed_actions.py");

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

}
