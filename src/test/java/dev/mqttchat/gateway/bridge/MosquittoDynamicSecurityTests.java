package dev.mqttchat.gateway.bridge;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.MosquittoProcess;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestCredentials;
import dev.mqttchat.gateway.testsupport.TestCredentials.TestCredential;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code CHAT_MQTT_DYNSEC=true} against a Mosquitto this test starts with its
 * dynamic-security plugin (never the machine's): the broker itself holds each credential
 * to its room, and the gateway's topics to the gateway.
 */
class MosquittoDynamicSecurityTests {

	private static final String ADMIN_PASSWORD = "admin-s3cret";

	private static MosquittoProcess mosquitto;

	private static ConfigurableApplicationContext gateway;

	private static int port;

	@BeforeAll
	static void startMosquittoAndGateway() throws Exception {
		assumeThat(MosquittoProcess.dynamicSecurityAvailable()).as("mosquitto with mosquitto_dynamic_security.so")
			.isTrue();
		mosquitto = MosquittoProcess.startWithDynamicSecurity("admin", ADMIN_PASSWORD);
		gateway = TestGateway.start("chat.mqtt.url=" + mosquitto.url(), "chat.mqtt.username=admin",
				"chat.mqtt.password=" + ADMIN_PASSWORD, "chat.mqtt.dynsec=true");
		port = TestGateway.port(gateway);
		await().atMost(Duration.ofSeconds(20)).until(() -> gateway.getBean(MqttLinkMonitor.class).allUp());
	}

	@AfterAll
	static void stop() throws Exception {
		if (gateway != null) {
			gateway.close();
		}
		if (mosquitto != null) {
			mosquitto.close();
		}
	}

	@Test
	void anonymousClientsAreRefused() {
		assertRefused(() -> MqttTestClient.connect(mosquitto.url()));
	}

	@Test
	void aCredentialReadsAndWritesItsRoomAndNothingElse() throws Exception {
		TestRoom roomA = TestRooms.create(port);
		TestRoom roomB = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, roomA.id());
		String prefix = roomA.topic().substring(0, roomA.topic().lastIndexOf('/'));
		try (StompTestClient ada = StompTestClient.connect(port, "ada");
				MqttTestClient eve = connect(credential, "eve")) {
			BlockingQueue<Map<String, Object>> inA = ada.subscribe(roomA.destination());
			BlockingQueue<MqttTestClient.Received> heard = eve.subscribe(roomA.topic());
			eve.subscribe(roomA.topic() + "/presence/+");
			for (String refused : List.of(roomB.topic(), prefix + "/#", prefix + "/+", "#", roomA.topic() + "/live")) {
				assertThatThrownBy(() -> eve.subscribe(refused)).as(refused)
					.isInstanceOfSatisfying(MqttException.class,
							(ex) -> assertThat(ex.getReasonCode()).as("SUBACK failure 0x80").isEqualTo(128));
			}

			eve.publish(roomA.topic(), "{\"username\":\"eve\",\"text\":\"hello through mosquitto\"}");
			ada.send(roomA.sendDestination(), Map.of("username", "ada", "text", "hi eve"));

			assertThat(inA.poll(15, TimeUnit.SECONDS)).containsEntry("text", "hello through mosquitto");
			await().atMost(Duration.ofSeconds(15))
				.until(() -> heard.stream().anyMatch((received) -> received.text().contains("hi eve")));
		}
	}

	@Test
	void revokedExpiredAndDeletedRoomsCredentialsAreRefused() throws Exception {
		TestRoom room = TestRooms.create(port);
		TestCredential revoked = TestCredentials.issue(port, room.id());
		TestCredential expired = TestCredentials.issue(port, room.id());
		TestCredential ofTheRoom = TestCredentials.issue(port, room.id());
		connect(ofTheRoom, "check").close();

		assertThat(TestCredentials.revoke(port, room.id(), revoked.username(), revoked.password()).value())
			.isEqualTo(204);
		assertRefused(() -> connect(revoked, "again"));

		gateway.getBean(JdbcClient.class)
			.sql("UPDATE mqtt_credential SET expires_at = :past WHERE username = :username")
			.param("past", Timestamp.from(Instant.now().minusSeconds(1)))
			.param("username", expired.username())
			.update();
		gateway.getBean(DynamicSecurity.class).removeStale();
		assertRefused(() -> connect(expired, "again"));

		RestClient.create("http://localhost:" + port)
			.delete()
			.uri("/api/rooms/{id}", room.id())
			.headers((headers) -> headers.setBearerAuth(room.ownerToken()))
			.retrieve()
			.toBodilessEntity();
		assertRefused(() -> connect(ofTheRoom, "again"));
	}

	private static MqttTestClient connect(TestCredential credential, String suffix) throws MqttException {
		return MqttTestClient.connect(mosquitto.url(), credential.clientId(suffix), credential.username(),
				credential.password());
	}

	private static void assertRefused(ThrowingConnect connect) {
		assertThatThrownBy(() -> connect.connect().close()).isInstanceOfSatisfying(MqttException.class,
				(ex) -> assertThat(ex.getReasonCode()).as("refused: CONNACK code, or closed before it")
					.isIn(4, 5, 32109));
	}

	@FunctionalInterface
	private interface ThrowingConnect {

		MqttTestClient connect() throws MqttException;

	}

}
