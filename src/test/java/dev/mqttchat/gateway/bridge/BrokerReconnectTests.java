package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.FreePorts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker that starts after the gateway, and one that restarts, is found again without
 * help.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chat.mqtt.max-reconnect-delay=2s")
class BrokerReconnectTests {

	private static int brokerPort;

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@DynamicPropertySource
	static void brokerThatIsNotThereYet(DynamicPropertyRegistry registry) throws IOException {
		brokerPort = FreePorts.next();
		registry.add("chat.mqtt.url", () -> "tcp://127.0.0.1:" + brokerPort);
	}

	@Test
	void bridgeComesBackAfterTheBrokerStartsAndRestarts() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient browser = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> inbox = browser.subscribe(room.destination());

			try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start("127.0.0.1", brokerPort, List.of())) {
				assertBridged(broker, room, inbox, "after a late start");
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> !this.links.bridgeReady());

			try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start("127.0.0.1", brokerPort, List.of())) {
				assertBridged(broker, room, inbox, "after a restart");
			}
		}
	}

	private void assertBridged(EmbeddedMqttBroker broker, TestRoom room, BlockingQueue<Map<String, Object>> inbox,
			String text) throws Exception {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.links.bridgeReady());
		try (MqttTestClient mqtt = MqttTestClient.connect(broker.url())) {
			mqtt.publish(room.topic(), text);
			assertThat(inbox.poll(20, TimeUnit.SECONDS)).containsEntry("text", text);
		}
	}

}
