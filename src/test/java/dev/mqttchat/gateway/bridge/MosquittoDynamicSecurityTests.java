package dev.mqttchat.gateway.bridge;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.GatewayInstance;
import dev.mqttchat.gateway.testsupport.MosquittoProcess;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.PythonScript;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestCredentials;
import dev.mqttchat.gateway.testsupport.TestCredentials.TestCredential;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code CHAT_MQTT_DYNSEC=true} against a Mosquitto of its own with dynamic security: the
 * broker holds each credential to its room, and the gateway's topics to the gateway.
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
		assertRefused(() -> MqttTestClient.connect(mosquitto.url()).close());
	}

	@Test
	void aCredentialReadsAndWritesItsRoomAndNothingElse() throws Exception {
		TestRoom roomA = TestRooms.create(port);
		TestRoom roomB = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, roomA.id());
		String prefix = roomA.topic().substring(0, roomA.topic().lastIndexOf('/'));
		try (StompTestClient ada = StompTestClient.connect(port, "ada");
				MqttTestClient eve = credential.connect(mosquitto.url(), "eve")) {
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

			// Two senders, two paths: either message may be stored first.
			List<Object> texts = new ArrayList<>();
			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				Map<String, Object> next = inA.poll(100, TimeUnit.MILLISECONDS);
				if (next != null) {
					texts.add(next.get("text"));
				}
				assertThat(texts).as("what Ada's page got").contains("hello through mosquitto");
			});
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
		ofTheRoom.connect(mosquitto.url(), "check").close();

		assertThat(TestCredentials.revoke(port, room.id(), revoked.username(), revoked.password()).value())
			.isEqualTo(204);
		assertRefused(() -> revoked.connect(mosquitto.url(), "again").close());

		gateway.getBean(JdbcClient.class)
			.sql("UPDATE mqtt_credential SET expires_at = :past WHERE username = :username")
			.param("past", Timestamp.from(Instant.now().minusSeconds(1)))
			.param("username", expired.username())
			.update();
		gateway.getBean(DynamicSecurity.class).removeStale();
		assertRefused(() -> expired.connect(mosquitto.url(), "again").close());

		TestRooms.delete(port, room);
		assertRefused(() -> ofTheRoom.connect(mosquitto.url(), "again").close());
	}

	@Test
	void aCredentialsPublicationsOnTheGatewaysTopicsAreDroppedAndChangeNothing() throws Exception {
		TestRoom room = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, room.id());
		String instance = gateway.getBean(GatewayInstance.class).id();
		String gateways = room.topic().substring(0, room.topic().lastIndexOf('/')) + "/_gateways/";
		// What each of those topics' readers would act on.
		String forged = "{\"seq\":999,\"roomId\":\"" + room.id() + "\",\"instance\":\"" + instance
				+ "\",\"status\":\"offline\",\"forged\":true}";
		try (StompTestClient ada = StompTestClient.connect(port, "ada");
				MqttTestClient watcher = MqttTestClient.connect(mosquitto.url(), "admin", ADMIN_PASSWORD);
				MqttTestClient eve = credential.connect(mosquitto.url(), "eve")) {
			BlockingQueue<Map<String, Object>> messages = ada.subscribe(room.destination());
			await().atMost(Duration.ofSeconds(15))
				.until(() -> TestRooms.get(port, "/api/rooms/{id}/presence", room.id()).contains("ada"));
			BlockingQueue<MqttTestClient.Received> onRoom = watcher.subscribe(room.topic() + "/#");
			assertThat(watcher.subscribe(gateways + instance).poll(15, TimeUnit.SECONDS).text()).contains("online");

			for (String topic : List.of(room.topic() + "/live", room.topic() + "/deleted", gateways + instance)) {
				// QoS 1: returns on the broker's PUBACK, fails if it let eve go.
				assertThatCode(() -> eve.publish(topic, forged))
					.as(() -> "at " + topic + ": eve already disconnected (refused by disconnect, not a silent drop): "
							+ mosquitto.log("-eve"))
					.doesNotThrowAnyException();
			}
			eve.publish(room.topic(), "{\"username\":\"eve\",\"text\":\"after the attempts\"}");

			assertThat(messages.poll(15, TimeUnit.SECONDS)).containsEntry("text", "after the attempts");
			await().atMost(Duration.ofSeconds(15))
				.until(() -> onRoom.stream().anyMatch((received) -> received.text().contains("after the attempts")));
			assertThat(List.copyOf(onRoom)).as("what reached a subscriber of the room's topics")
				.noneMatch((received) -> received.text().contains("forged"));
			assertThat(watcher.subscribe(gateways + instance).poll(15, TimeUnit.SECONDS).text()).contains("online");
			assertThat(TestRooms.get(port, "/api/rooms/{id}", room.id())).as("not deleted").contains(room.id());
			assertThat(TestRooms.get(port, "/api/rooms/{id}/presence", room.id())).as("present").contains("ada");
			assertThat(mosquitto.log("Denied PUBLISH")).as("the broker's own account: refused, dropped silently")
				.contains("Denied PUBLISH from " + credential.clientId("eve"));
		}
	}

	@Test
	void thePapersClientChatsWithACredential() throws Exception {
		assumeThat(PythonScript.available("paho.mqtt.client")).as("python3 with paho-mqtt").isTrue();
		TestRoom room = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, room.id());
		try (StompTestClient ada = StompTestClient.connect(port, "ada")) {
			BlockingQueue<Map<String, Object>> messages = ada.subscribe(room.destination());
			PythonScript grace = PythonScript.start(Path.of("docs", "examples", "paper_client.py"), room.topic(),
					"grace", "127.0.0.1", String.valueOf(mosquitto.port()), credential.username(),
					credential.password(), credential.clientId("grace"));
			await().atMost(Duration.ofSeconds(15)).until(() -> grace.printed().contains("ready"));

			ada.send(room.sendDestination(), Map.of("username", "ada", "text", "hello grace"));
			grace.type("hi from the paper's client");

			assertThat(List.of(messages.poll(15, TimeUnit.SECONDS), messages.poll(15, TimeUnit.SECONDS)))
				.as(grace::printed)
				.anySatisfy((message) -> assertThat(message).containsEntry("text", "hello grace"))
				.anySatisfy((message) -> assertThat(message).containsEntry("username", "grace")
					.containsEntry("text", "hi from the paper's client"));
			await().atMost(Duration.ofSeconds(15)).until(() -> grace.printed().contains("hello grace"));
			grace.endInput();
			assertThat(grace.exitCode()).as(grace::printed).isZero();
		}
	}

	private static void assertRefused(ThrowingCallable connectAndClose) {
		assertThatThrownBy(connectAndClose).isInstanceOfSatisfying(MqttException.class,
				(ex) -> assertThat(ex.getReasonCode()).as("refused: CONNACK code, or closed before it")
					.isIn(4, 5, 32109));
	}

}
