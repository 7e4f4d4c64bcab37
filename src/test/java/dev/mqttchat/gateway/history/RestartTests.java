package dev.mqttchat.gateway.history;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.TestGateway;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rooms and their history outlive a restart of the gateway: in the default H2 file and in
 * PostgreSQL.
 */
class RestartTests {

	@TempDir
	static Path h2;

	static Stream<Arguments> databases() {
		return TestDatabases.all(h2).stream().map((database) -> Arguments.of((Object) database));
	}

	@ParameterizedTest
	@MethodSource("databases")
	void roomsAndMessagesSurviveARestart(String[] database) throws Exception {
		TestRoom room;
		List<Map<String, Object>> before;
		try (ConfigurableApplicationContext gateway = start(database)) {
			int port = port(gateway);
			room = TestRooms.create(port);
			try (MqttTestClient mqtt = MqttTestClient.connect(gateway.getBean(BrokerEndpoint.class).url())) {
				mqtt.publish(room.topic(), "said before the restart");
				mqtt.publish(room.topic(), "{\"username\": \"bot\", \"text\": \"me too\"}");
			}
			await().atMost(Duration.ofSeconds(15)).until(() -> history(port, room).size() == 2);
			before = history(port, room);
		}

		try (ConfigurableApplicationContext gateway = start(database)) {
			int port = port(gateway);
			Map<String, Object> again = RestClient.create("http://localhost:" + port)
				.get()
				.uri("/api/rooms/" + room.id())
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});

			assertThat(again).containsEntry("id", room.id()).containsEntry("createdAt", room.createdAt());
			assertThat(history(port, room)).isEqualTo(before);
			assertThat(before).extracting((message) -> message.get("text"))
				.containsExactly("said before the restart", "me too");
		}
	}

	private static ConfigurableApplicationContext start(String[] database) {
		ConfigurableApplicationContext gateway = TestGateway.start(database,
				"chat.rooms.topic-prefix=test/restart/rooms");
		await().atMost(Duration.ofSeconds(15)).until(() -> gateway.getBean(MqttLinkMonitor.class).bridgeReady());
		return gateway;
	}

	private static int port(ConfigurableApplicationContext gateway) {
		return ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

	private static List<Map<String, Object>> history(int port, TestRoom room) {
		return RestClient.create("http://localhost:" + port)
			.get()
			.uri("/api/rooms/" + room.id() + "/messages")
			.retrieve()
			.body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			});
	}

}
