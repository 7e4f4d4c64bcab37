package dev.mqttchat.gateway.mqttaccess;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.TestCredentials;
import dev.mqttchat.gateway.testsupport.TestCredentials.TestCredential;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The credentials API in {@code open} mode, on the shared test gateway (embedded broker
 * on loopback, so {@code open} access: what it always was).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MqttCredentialApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BrokerEndpoint broker;

	@Test
	void aCredentialIsIssuedWithItsFieldsAndOnlyItsPasswordsHashIsKept() {
		TestRoom room = TestRooms.create(this.port);
		ResponseEntity<Map<String, Object>> response = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/rooms/{id}/mqtt-credentials", room.id())
			.retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});

		assertThat(response.getStatusCode().value()).isEqualTo(201);
		Map<String, Object> body = response.getBody();
		assertThat(body).containsOnlyKeys("username", "password", "clientIdPrefix", "expiresAt", "topics");
		String username = (String) body.get("username");
		assertThat(response.getHeaders().getLocation())
			.hasPath("/api/rooms/" + room.id() + "/mqtt-credentials/" + username);
		assertThat(body.get("clientIdPrefix")).isEqualTo(username + "-");
		assertThat(Instant.parse((String) body.get("expiresAt"))).isCloseTo(Instant.now().plus(Duration.ofHours(24)),
				within(Duration.ofMinutes(1)));
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM mqtt_credential WHERE username = :username")
			.param("username", username)
			.query()
			.singleRow();
		assertThat(row.values()).doesNotContain(body.get("password"));
		assertThat((String) row.get("PASSWORD_HASH")).matches("[0-9a-f]{64}");
		assertThat(row.get("OWNER")).as("no owner without sign-in").isNull();
	}

	@Test
	void anUnknownRoomHasNoCredentials() {
		int status = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/rooms/{id}/mqtt-credentials", "AAAAAAAAAAAAAAAAAAAAAA")
			.exchange((request, response) -> response.getStatusCode().value());

		assertThat(status).isEqualTo(404);
		assertThat(TestCredentials.revoke(this.port, TestRooms.create(this.port).id(), "mqttnobody", "x").value())
			.isEqualTo(404);
	}

	@Test
	void openAccessIsUnchangedOnLoopback() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		String prefix = room.topic().substring(0, room.topic().lastIndexOf('/'));
		try (MqttTestClient anyone = MqttTestClient.connect(this.broker.url())) {
			anyone.subscribe(prefix + "/#");
			anyone.subscribe("#");
			anyone.publish(room.topic(), "anonymous, as before");
		}
		TestCredential credential = TestCredentials.issue(this.port, room.id());
		try (MqttTestClient withCredential = MqttTestClient.connect(this.broker.url(), credential.clientId("x"),
				credential.username(), credential.password())) {
			withCredential.subscribe(room.topic());
		}
	}

}
