package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.MqttTestClient.Received;
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
 * A single instance announces nothing on the live topics (nobody would hear it), unless
 * {@code chat.storage.announce=always} asks for it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveAnnouncementGateTests {

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Test
	void aSingleInstanceDeliversWithoutAnnouncing() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Received> live = mqtt.subscribe(room.topic() + "/live");
			deliverOne(this.port, room);

			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(live::isEmpty);
		}
	}

	/** Has one message stored and delivered to a subscriber of the room. */
	static void deliverOne(int port, TestRoom room) throws Exception {
		try (StompTestClient browser = StompTestClient.connect(port)) {
			BlockingQueue<Map<String, Object>> inbox = browser.subscribe(room.destination());
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				browser.send(room.sendDestination(), Map.of("username", "ada", "text", "alone"));
				assertThat(inbox.poll(2, TimeUnit.SECONDS)).isNotNull();
			});
		}
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chat.storage.announce=always")
	class WhenAlwaysAnnounced {

		@LocalServerPort
		int port;

		@Autowired
		BrokerEndpoint broker;

		@Test
		void everyStoredMessageIsAnnounced() throws Exception {
			TestRoom room = TestRooms.create(this.port);
			try (MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
				BlockingQueue<Received> live = mqtt.subscribe(room.topic() + "/live");
				deliverOne(this.port, room);

				Received announcement = live.poll(5, TimeUnit.SECONDS);
				assertThat(announcement).isNotNull();
				assertThat(announcement.text()).contains("\"seq\":");
			}
		}

	}

}
