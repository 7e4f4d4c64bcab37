package dev.mqttchat.gateway.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators read, with the endpoints exposed as the compose file exposes them:
 * readiness that knows the MQTT links and the database, the chat's metrics in Prometheus'
 * format, build info, and the REST API's OpenAPI 3.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,prometheus,info",
				"management.endpoint.health.show-details=always" })
class OperationsTests {

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readinessHoldsTheMqttLinksAndTheDatabase() {
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(
					() -> assertThat(json("/actuator/health/readiness").path("status").asString()).isEqualTo("UP"));
		JsonNode readiness = json("/actuator/health/readiness").path("components");

		assertThat(readiness.path("db").path("status").asString()).isEqualTo("UP");
		JsonNode mqtt = readiness.path("mqtt");
		assertThat(mqtt.path("status").asString()).isEqualTo("UP");
		assertThat(mqtt.path("details").path("broker").asString()).isEqualTo(this.broker.url());
		for (String link : new String[] { "inbound", "store", "rooms" }) {
			assertThat(mqtt.path("details").path(link).path("ready").asBoolean()).as(link).isTrue();
			assertThat(mqtt.path("details").path(link).path("lastConnected").asString()).as(link).endsWith("Z");
		}
		assertThat(json("/actuator/health/liveness").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusShowsWhatTheChatDid() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient browser = StompTestClient.connect(this.port);
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> inbox = browser.subscribe(room.destination());
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				browser.send(room.sendDestination(), Map.of("username", "ada", "text", "counted"));
				assertThat(inbox.poll(2, TimeUnit.SECONDS)).isNotNull();
			});
			mqtt.publish(room.topic(), new byte[0]);

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(text("/actuator/prometheus"))
					.contains("chat_messages_total{direction=\"to_mqtt\",source=\"web\"}")
					.contains("chat_messages_total{direction=\"to_browsers\",source=\"web\"}")
					.contains("chat_messages_stored_total{source=\"web\"}")
					.contains("chat_bridge_latency_seconds_bucket{path=\"stored\"")
					.contains("chat_stomp_sessions ")
					.contains("chat_rooms ")
					.contains("chat_mqtt_link_connected{link=\"store\"} 1.0")
					.contains("chat_mqtt_reconnects_total{link=\"inbound\"}")
					.contains("chat_mqtt_payloads_dropped_total{reason=\"empty\"}")
					.contains("chat_mqtt_publish_failures_total")
					.contains("jvm_memory_used_bytes")
					.contains("http_server_requests_seconds"));
		}
	}

	@Test
	void infoNamesTheBuild() {
		assertThat(json("/actuator/info").path("build").path("artifact").asString()).isEqualTo("mqtt-chat-gateway");
	}

	@Test
	void openApiDescribesEveryEndpointAndItsProblems() {
		JsonNode paths = json("/v3/api-docs").path("paths");

		assertThat(paths.path("/api/rooms").has("post")).isTrue();
		assertThat(paths.path("/api/rooms").has("get")).isTrue();
		assertThat(paths.path("/api/rooms/{id}").has("get")).isTrue();
		assertThat(paths.path("/api/rooms/{id}").has("delete")).isTrue();
		assertThat(paths.path("/api/rooms/{id}/messages").has("get")).isTrue();
		assertThat(paths.path("/api/rooms/{id}/messages")
			.path("get")
			.path("responses")
			.path("404")
			.path("content")
			.has("application/problem+json")).isTrue();
		assertThat(paths.path("/api/rooms").path("post").path("responses").has("429")).isTrue();
		assertThat(paths.path("/api/rooms").path("post").path("responses").path("201").path("headers").has("Location"))
			.isTrue();
		assertThat(paths.path("/api/rooms/{id}").path("delete").path("responses").has("204")).isTrue();
		assertThat(paths.path("/api/rooms/{id}").path("delete").path("responses").has("403")).isTrue();
		assertThat(paths.path("/api/rooms/{id}/messages").path("get").path("parameters").toString())
			.contains("\"name\":\"id\"")
			.contains("\"name\":\"limit\"")
			.doesNotContain("\"name\":\"room\"");
	}

	private JsonNode json(String path) {
		return this.json.readTree(text(path));
	}

	private String text(String path) {
		return RestClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.exchange((request, response) -> new String(response.getBody().readAllBytes()));
	}

}
