package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import dev.mqttchat.gateway.testsupport.EnabledIfDockerImagePresent;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** History on a throw-away PostgreSQL in a container; needs a Docker engine. */
@EnabledIfDockerImagePresent("postgres:17-alpine")
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PostgresContainerTests {

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@Test
	void mqttMessagesAreStoredInPostgres() throws Exception {
		await().atMost(Duration.ofSeconds(15)).until(() -> this.links.bridgeReady());
		TestRoom room = TestRooms.create(this.port);
		try (MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			mqtt.publish(room.topic(), "stored in PostgreSQL");
		}

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(RestClient.create("http://localhost:" + this.port)
				.get()
				.uri("/api/rooms/" + room.id() + "/messages")
				.retrieve()
				.body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
				})).extracting((message) -> message.get("text")).containsExactly("stored in PostgreSQL"));
	}

}
