package dev.mqttchat.gateway.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.SignedInSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * MQTT credentials in {@code oidc} mode: only signed-in people get them, each records its
 * owner, who alone (or the password's holder) revokes it; the embedded broker enforces
 * rooms access by default.
 */
@TestPropertySource(properties = "chat.auth.guests=true")
class OidcMqttCredentialTests extends OidcGatewayTestBase {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BrokerEndpoint broker;

	@Test
	void aCredentialRecordsItsOwnerWhoAloneRevokesIt() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = field(alice.send("POST", "/api/rooms", "{}").body(), "id");
		HttpResponse<String> issued = alice.send("POST", "/api/rooms/" + room + "/mqtt-credentials", null);
		assertThat(issued.statusCode()).isEqualTo(201);
		String username = field(issued.body(), "username");
		String path = "/api/rooms/" + room + "/mqtt-credentials/" + username;

		assertThat(this.jdbc.sql("SELECT owner FROM mqtt_credential WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single()).isEqualTo("alice");
		assertThat(bob.send("DELETE", path, null).statusCode()).as("bob, neither owner nor holder").isEqualTo(401);
		assertThat(alice.send("DELETE", path, null).statusCode()).isEqualTo(204);
		assertThat(alice.send("DELETE", path, null).statusCode()).isEqualTo(404);
	}

	@Test
	void guestsGetNoCredentials() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		String room = field(alice.send("POST", "/api/rooms", "{}").body(), "id");
		HttpRequest guest = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/rooms/" + room + "/mqtt-credentials"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();

		assertThat(HttpClient.newHttpClient().send(guest, HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(401,
				403);
	}

	@Test
	void theEmbeddedBrokerRefusesAnonymousClientsInOidcMode() {
		assertThatThrownBy(() -> MqttTestClient.connect(this.broker.url()).close())
			.isInstanceOfSatisfying(MqttException.class, (ex) -> assertThat(ex.getReasonCode()).isIn(4, 5, 32109));
	}

	@Test
	void whatACredentialsClientSaysIsUnderItsOwnersName() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		String created = alice.send("POST", "/api/rooms", "{}").body();
		String room = field(created, "id");
		String topic = field(created, "topic");
		String issued = alice.send("POST", "/api/rooms/" + room + "/mqtt-credentials", null).body();
		try (MqttTestClient client = MqttTestClient.connect(this.broker.url(), field(issued, "clientIdPrefix") + "x",
				field(issued, "username"), field(issued, "password"))) {
			client.publish(topic, "{\"username\":\"mallory\",\"text\":\"under another name\"}");
			client.publish(topic, "no name given");
			client.publish(topic, "{\"username\":\"alice\",\"text\":\"under her own name\"}");

			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(alice.get("/api/rooms/" + room + "/messages").body())
					.contains("under her own name"));
			String history = alice.get("/api/rooms/" + room + "/messages").body();
			assertThat(history).doesNotContain("mallory")
				.contains("\"username\":\"alice\",\"clientId\":null,\"text\":\"no name given\"");
		}
	}

	private static String field(String json, String name) {
		return json.replaceAll(".*\"" + name + "\":\"([^\"]+)\".*", "$1");
	}

}
