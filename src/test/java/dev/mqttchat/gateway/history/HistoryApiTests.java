package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
import static org.awaitility.Awaitility.await;

/**
 * History by sequence number: what MQTT clients say is stored even with nobody in the
 * room, paged both ways.
 */
@Tag("jdk-smoke")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HistoryApiTests {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> PAGE = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	private RestClient http;

	@BeforeEach
	void waitForTheBridge() {
		this.http = RestClient.create("http://localhost:" + this.port);
		await().atMost(Duration.ofSeconds(15)).until(() -> this.links.bridgeReady());
	}

	@Test
	void mqttMessageIntoARoomNobodyHasOpenIsInTheHistory() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			mqtt.publish(room.topic(), "ada (laptop): anyone here?");
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> !history(room, "").isEmpty());
		assertThat(history(room, "")).singleElement()
			.satisfies((message) -> assertThat(message).containsEntry("seq", 1)
				.containsEntry("username", "ada")
				.containsEntry("clientId", "laptop")
				.containsEntry("text", "anyone here?")
				.containsEntry("source", "mqtt")
				.containsKeys("id", "roomId", "sentAt"));
	}

	@Test
	void liveMessagesCarryTheSameIdAndSeqAsHistory() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient browser = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> inbox = browser.subscribe(room.destination());
			browser.send(room.sendDestination(), Map.of("username", "ada", "text", "first"));
			browser.send(room.sendDestination(), Map.of("username", "ada", "text", "second"));

			Map<String, Object> first = inbox.poll(10, TimeUnit.SECONDS);
			Map<String, Object> second = inbox.poll(10, TimeUnit.SECONDS);

			assertThat(first).containsEntry("seq", 1).containsEntry("text", "first");
			assertThat(second).containsEntry("seq", 2).containsEntry("text", "second");
			assertThat(history(room, "")).containsExactly(first, second);
		}
	}

	@Test
	void pagesByBeforeAndAfter() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			for (int i = 1; i <= 60; i++) {
				mqtt.publish(room.topic(), "message " + i);
			}
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> history(room, "?after=59").size() == 1);

		assertThat(seqs(history(room, ""))).as("newest 50 by default").isEqualTo(range(11, 60));
		assertThat(seqs(history(room, "?limit=5"))).isEqualTo(range(56, 60));
		assertThat(seqs(history(room, "?before=11&limit=3"))).isEqualTo(range(8, 10));
		assertThat(seqs(history(room, "?after=20&limit=4"))).as("catching up starts right after")
			.isEqualTo(range(21, 24));
		assertThat(seqs(history(room, "?after=5&before=9"))).isEqualTo(range(6, 8));
		assertThat(seqs(history(room, "?limit=200"))).isEqualTo(range(1, 60));
	}

	@Test
	void pagesAroundAMessageWithHalfOnEachSide() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			for (int i = 1; i <= 60; i++) {
				mqtt.publish(room.topic(), "message " + i);
			}
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> history(room, "?after=59").size() == 1);

		assertThat(seqs(history(room, "?around=30&limit=10"))).isEqualTo(range(26, 35));
		assertThat(seqs(history(room, "?around=30&limit=11"))).as("the odd one before").isEqualTo(range(25, 35));
		assertThat(seqs(history(room, "?around=2&limit=10"))).as("more after when there is less before")
			.isEqualTo(range(1, 10));
		assertThat(seqs(history(room, "?around=59&limit=10"))).as("more before when there is less after")
			.isEqualTo(range(51, 60));
		assertThat(seqs(history(room, "?around=30"))).as("50 by default").isEqualTo(range(6, 55));
		assertThat(seqs(history(room, "?around=1000&limit=3"))).isEqualTo(range(58, 60));
	}

	private List<Map<String, Object>> history(TestRoom room, String query) {
		return this.http.get().uri("/api/rooms/" + room.id() + "/messages" + query).retrieve().body(PAGE);
	}

	private static List<Integer> seqs(List<Map<String, Object>> page) {
		return page.stream().map((message) -> (Integer) message.get("seq")).toList();
	}

	private static List<Integer> range(int from, int to) {
		return IntStream.rangeClosed(from, to).boxed().toList();
	}

}
