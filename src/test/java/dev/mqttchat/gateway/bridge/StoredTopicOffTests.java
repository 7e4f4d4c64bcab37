package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code chat.mqtt.stored-topic} off, messages are stored and delivered as ever, and
 * nothing is published on the rooms' stored topics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chat.mqtt.stored-topic=false")
class StoredTopicOffTests {

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	SimpleBrokerMessageHandler stompBroker;

	@Test
	void storedEntriesAreDeliveredButNotPublishedOnTheStoredTopic() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient eve = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			BrokerSubscriptions.await(this.stompBroker, room.destination(), 1);
			BlockingQueue<MqttTestClient.Received> stored = eve.subscribe(room.topic() + "/stored");
			BlockingQueue<MqttTestClient.Received> feedback = eve.subscribe(room.topic() + "/feedback/eve-1");

			eve.publish(room.topic(), "{\"username\":\"eve\",\"clientId\":\"eve-1\",\"text\":\"stored\"}");
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("text", "stored").containsEntry("seq", 1);
			ada.send(room.sendDestination(), Map.of("text", "from the page"));
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("text", "from the page").containsEntry("seq", 2);
			// The gateway still publishes its other topics: a refusal comes back.
			eve.publish(room.topic(), "{\"clientId\":\"eve-1\",\"type\":\"poll\",\"text\":\"later\"}");
			assertThat(feedback.poll(15, TimeUnit.SECONDS)).as("the refusal on the feedback topic").isNotNull();

			assertThat(stored.poll(1, TimeUnit.SECONDS)).as("a publication on the stored topic").isNull();
		}
	}

}
