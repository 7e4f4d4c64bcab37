package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Garbage published on a room's topic: shown safely or dropped and counted, and the
 * bridge keeps running.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedMqttPayloadTests {

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	MeterRegistry meters;

	@Autowired
	SimpleBrokerMessageHandler simpleBroker;

	@Test
	void malformedPayloadsAreShownSafelyOrDroppedAndTheNextMessageArrives() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		double droppedBefore = dropped();
		try (StompTestClient browser = StompTestClient.connect(this.port);
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> inbox = browser.subscribe(room.destination());
			await().until(() -> this.links.bridgeReady());
			BrokerSubscriptions.await(this.simpleBroker, room.destination(), 1);

			mqtt.publish(room.topic(), new byte[] { (byte) 0xc3, (byte) 0x28, 'x' });
			mqtt.publish(room.topic(), "{\"text\": \"unterminated");
			mqtt.publish(room.topic(), "{\"text\": 42, \"username\": [\"x\"], \"sentAt\": {}}");
			mqtt.publish(room.topic(), new byte[70 * 1024]);
			mqtt.publish(room.topic(), new byte[0]);
			mqtt.publish(room.topic(), "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
			mqtt.publish(room.topic(), "still working");

			assertThat(inbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "{\"text\": \"unterminated")
				.containsEntry("source", "mqtt");
			assertThat(inbox.poll(10, TimeUnit.SECONDS))
				.containsEntry("text", "{\"text\": 42, \"username\": [\"x\"], \"sentAt\": {}}")
				.containsEntry("username", null);
			assertThat(inbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "<script>alert(1)</script>");
			assertThat(inbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "still working");
			assertThat(inbox).isEmpty();
			assertThat(dropped() - droppedBefore).isEqualTo(3);
			assertThat(this.links.bridgeReady()).isTrue();
		}
	}

	private double dropped() {
		return this.meters.find("chat.mqtt.payloads.dropped").counters().stream().mapToDouble((c) -> c.count()).sum();
	}

}
