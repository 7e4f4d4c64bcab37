package dev.mqttchat.gateway.presence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

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
 * The example session of {@code docs/protocol.md}, as its paho script plays it: a browser
 * user sees eve join, type, speak, read and leave, and the script sees the browser user.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PresenceClientScriptTests {

	private static final Path SCRIPT = Path.of("docs", "examples", "presence_client.py");

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@DynamicPropertySource
	static void brokerNobodyHereWrote(DynamicPropertyRegistry registry) {
		// A user runs the script against their own broker: here the CI's Mosquitto where
		// one is named, else the embedded broker.
		String url = System.getenv("CHAT_TEST_MQTT_URL");
		if (url != null && !url.isBlank()) {
			registry.add("chat.mqtt.url", () -> url);
			registry.add("chat.rooms.topic-prefix", () -> "test/" + UUID.randomUUID() + "/chat/rooms");
		}
	}

	@Test
	void theDocumentedPahoScriptTakesPartInARoom() throws Exception {
		assumeThat(PythonScript.available("paho.mqtt.client"))
			.as("python3 with paho-mqtt (apt-get install python3-paho-mqtt)")
			.isTrue();
		await().atMost(Duration.ofSeconds(15)).until(() -> this.links.allUp());
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			BlockingQueue<Map<String, Object>> events = ada.subscribe(room.destination() + "/presence");
			BlockingQueue<Map<String, Object>> messages = ada.subscribe(room.destination());
			BlockingQueue<Map<String, Object>> typing = ada.subscribe(room.destination() + "/typing");
			BlockingQueue<Map<String, Object>> reads = ada.subscribe(room.destination() + "/read");
			assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "roster");
			assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "join")
				.containsEntry("username", "ada");
			String host = this.broker.url().replaceFirst("^tcp://", "");

			PythonScript script = PythonScript.start(SCRIPT, room.topic(), host.substring(0, host.lastIndexOf(':')),
					host.substring(host.lastIndexOf(':') + 1), "http://localhost:" + this.port);

			assertThat(events.poll(15, TimeUnit.SECONDS)).as(script::printed)
				.containsEntry("type", "join")
				.containsEntry("username", "eve")
				.containsEntry("source", "mqtt");
			assertThat(typing.poll(15, TimeUnit.SECONDS)).as(script::printed).containsEntry("username", "eve");
			assertThat(messages.poll(15, TimeUnit.SECONDS)).as(script::printed)
				.containsEntry("username", "eve")
				.containsEntry("text", "hi @ada, from python");
			assertThat(reads.poll(15, TimeUnit.SECONDS)).as(script::printed)
				.containsEntry("username", "eve")
				.containsEntry("seq", 1);
			assertThat(events.poll(15, TimeUnit.SECONDS)).as(script::printed)
				.containsEntry("type", "leave")
				.containsEntry("username", "eve");
			int exit = script.exitCode();
			String output = script.printed();
			assertThat(exit).as(output).isZero();
			assertThat(output).as("what the script printed")
				.contains("\"username\":\"ada\",\"status\":\"online\"")
				.contains("presence/eve-py (empty)");
		}
	}

}
