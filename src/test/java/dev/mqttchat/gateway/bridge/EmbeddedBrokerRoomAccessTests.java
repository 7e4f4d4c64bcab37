package dev.mqttchat.gateway.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.PythonScript;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestCredentials;
import dev.mqttchat.gateway.testsupport.TestCredentials.TestCredential;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded broker in {@code rooms} access: nobody anonymous, a room credential on its
 * own room's topics only, the gateway's topics the gateway's alone.
 */
class EmbeddedBrokerRoomAccessTests {

	private static ConfigurableApplicationContext gateway;

	private static int port;

	private static String url;

	private static final List<String> published = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startGatewayWithRoomsAccess() {
		gateway = TestGateway.start("chat.mqtt.embedded.access=rooms");
		port = TestGateway.port(gateway);
		BrokerEndpoint broker = gateway.getBean(BrokerEndpoint.class);
		url = broker.url();
		broker.embedded().orElseThrow().addInterceptor(new AbstractInterceptHandler() {

			@Override
			public String getID() {
				return "room-access-test";
			}

			@Override
			public void onPublish(InterceptPublishMessage message) {
				published.add(message.getClientID() + " " + message.getTopicName());
				super.onPublish(message);
			}

			@Override
			public void onSessionLoopError(Throwable error) {
			}

		});
		await().atMost(Duration.ofSeconds(15)).until(() -> gateway.getBean(MqttLinkMonitor.class).allUp());
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void anonymousClientsAndWrongCredentialsAreRefused() {
		TestRoom room = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, room.id());

		assertRefused(() -> MqttTestClient.connect(url));
		assertRefused(() -> MqttTestClient.connect(url, credential.clientId("a"), credential.username(), "wrong"));
		assertRefused(
				() -> MqttTestClient.connect(url, "not-its-prefix", credential.username(), credential.password()));
	}

	@Test
	void aCredentialReadsAndWritesItsRoomAndNothingElse() throws Exception {
		TestRoom roomA = TestRooms.create(port);
		TestRoom roomB = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, roomA.id());
		String prefix = roomA.topic().substring(0, roomA.topic().lastIndexOf('/'));
		assertThat(credential.topics()).containsExactly(roomA.topic(), roomA.topic() + "/typing",
				roomA.topic() + "/presence/+", roomA.topic() + "/read/+");
		try (StompTestClient ada = StompTestClient.connect(port, "ada");
				MqttTestClient eve = MqttTestClient.connect(url, credential.clientId("eve"), credential.username(),
						credential.password())) {
			BlockingQueue<Map<String, Object>> inA = ada.subscribe(roomA.destination());
			BlockingQueue<Map<String, Object>> inB = ada.subscribe(roomB.destination());
			BlockingQueue<MqttTestClient.Received> heard = eve.subscribe(roomA.topic());
			eve.subscribe(roomA.topic() + "/presence/+");
			eve.subscribe(roomA.topic() + "/read/+");
			eve.subscribe(roomA.topic() + "/typing");
			for (String refused : List.of(roomB.topic(), prefix + "/#", prefix + "/+", "#", roomA.topic() + "/#",
					roomA.topic() + "/+", roomA.topic() + "/live", roomA.topic() + "/stored",
					roomA.topic() + "/deleted", prefix + "/_gateways/+", roomB.topic() + "/presence/+")) {
				assertThatThrownBy(() -> eve.subscribe(refused)).as(refused)
					.isInstanceOfSatisfying(MqttException.class,
							(ex) -> assertThat(ex.getReasonCode()).as("SUBACK failure 0x80").isEqualTo(128));
			}
			assertThat(eve.isConnected()).as("a refused subscription leaves the connection open").isTrue();

			eve.publish(roomA.topic(), "{\"username\":\"eve\",\"text\":\"hello room A\"}");
			ada.send(roomA.sendDestination(), Map.of("username", "ada", "text", "hi eve"));
			ada.send(roomB.sendDestination(), Map.of("username", "ada", "text", "only for room B"));

			assertThat(inA.poll(15, TimeUnit.SECONDS)).containsEntry("text", "hello room A");
			assertThat(inB.poll(15, TimeUnit.SECONDS)).containsEntry("text", "only for room B");
			assertThat(heard.poll(15, TimeUnit.SECONDS).text()).contains("hello room A");
			assertThat(heard.poll(15, TimeUnit.SECONDS).text()).contains("hi eve");
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(heard::isEmpty);
		}
	}

	@Test
	void aCredentialCannotPublishOnTheGatewaysTopics() throws Exception {
		TestRoom room = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, room.id());
		String prefix = room.topic().substring(0, room.topic().lastIndexOf('/'));
		try (StompTestClient ada = StompTestClient.connect(port, "ada");
				MqttTestClient eve = MqttTestClient.connect(url, credential.clientId("eve"), credential.username(),
						credential.password())) {
			BlockingQueue<Map<String, Object>> messages = ada.subscribe(room.destination());
			List<String> forbidden = List.of(room.topic() + "/live", room.topic() + "/deleted",
					room.topic() + "/stored", prefix + "/_gateways/evil", room.topic() + "/presence/someone-else",
					room.topic() + "/feedback/eve");
			for (String topic : forbidden) {
				// QoS 0: Moquette drops a refused publication without a PUBACK, which a
				// QoS 1 publisher would wait for.
				eve.publishAtMostOnce(topic, "{\"roomId\":\"" + room.id() + "\",\"seq\":1,\"instance\":\"evil\"}");
			}
			eve.publishAtMostOnce(room.topic(), "{\"username\":\"eve\",\"text\":\"after the attempts\"}");

			assertThat(messages.poll(15, TimeUnit.SECONDS)).containsEntry("text", "after the attempts");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(published).as("what the broker let through from eve")
					.contains(credential.clientId("eve") + " " + room.topic())
					.doesNotContainAnyElementsOf(
							forbidden.stream().map((topic) -> credential.clientId("eve") + " " + topic).toList()));
			assertThat(eve.isConnected()).isTrue();
			assertThat(gateway.getBean(dev.mqttchat.gateway.room.RoomRegistry.class).find(room.id()))
				.as("the room, never deleted by a forged notice")
				.isPresent();
		}
	}

	@Test
	void aRevokedCredentialIsRefusedAndItsClientLetGo() throws Exception {
		TestRoom room = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, room.id());
		try (MqttTestClient eve = MqttTestClient.connect(url, credential.clientId("eve"), credential.username(),
				credential.password())) {
			assertThat(TestCredentials.revoke(port, room.id(), credential.username(), null).value()).isEqualTo(401);
			assertThat(TestCredentials.revoke(port, room.id(), credential.username(), "not-the-password").value())
				.isEqualTo(403);
			assertThat(TestCredentials.revoke(port, room.id(), credential.username(), credential.password()).value())
				.isEqualTo(204);

			await().atMost(Duration.ofSeconds(10)).until(() -> !eve.isConnected());
			assertRefused(() -> MqttTestClient.connect(url, credential.clientId("eve2"), credential.username(),
					credential.password()));
			assertThat(TestCredentials.revoke(port, room.id(), credential.username(), credential.password()).value())
				.isEqualTo(404);
		}
	}

	@Test
	void anExpiredCredentialIsRefused() throws Exception {
		TestRoom room = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, room.id());
		gateway.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("UPDATE mqtt_credential SET expires_at = :past WHERE username = :username")
			.param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)))
			.param("username", credential.username())
			.update();

		assertRefused(() -> MqttTestClient.connect(url, credential.clientId("eve"), credential.username(),
				credential.password()));
	}

	@Test
	void aDeletedRoomsCredentialsAreGone() throws Exception {
		TestRoom room = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, room.id());
		try (MqttTestClient eve = MqttTestClient.connect(url, credential.clientId("eve"), credential.username(),
				credential.password())) {
			org.springframework.web.client.RestClient.create("http://localhost:" + port)
				.delete()
				.uri("/api/rooms/{id}", room.id())
				.headers((headers) -> headers.setBearerAuth(room.ownerToken()))
				.retrieve()
				.toBodilessEntity();

			await().atMost(Duration.ofSeconds(10)).until(() -> !eve.isConnected());
			assertRefused(() -> MqttTestClient.connect(url, credential.clientId("eve2"), credential.username(),
					credential.password()));
			assertThat(gateway.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("SELECT COUNT(*) FROM mqtt_credential WHERE room_id = :room")
				.param("room", room.id())
				.query(Integer.class)
				.single()).isZero();
		}
	}

	@Test
	void thePapersClientChatsWithACredential() throws Exception {
		assumeThat(PythonScript.available("paho.mqtt.client"))
			.as("python3 with paho-mqtt (apt-get install python3-paho-mqtt)")
			.isTrue();
		TestRoom room = TestRooms.create(port);
		TestCredential credential = TestCredentials.issue(port, room.id());
		String host = url.substring("tcp://".length());
		try (StompTestClient ada = StompTestClient.connect(port, "ada")) {
			BlockingQueue<Map<String, Object>> messages = ada.subscribe(room.destination());
			PythonScript grace = PythonScript.start(Path.of("docs", "examples", "paper_client.py"), room.topic(),
					"grace", host.substring(0, host.lastIndexOf(':')), host.substring(host.lastIndexOf(':') + 1),
					credential.username(), credential.password(), credential.clientId("grace"));
			await().atMost(Duration.ofSeconds(15)).until(() -> grace.printed().contains("ready"));

			ada.send(room.sendDestination(), Map.of("username", "ada", "text", "hello grace"));
			grace.type("hi from the paper's client");

			Map<String, Object> first = messages.poll(15, TimeUnit.SECONDS);
			Map<String, Object> second = messages.poll(15, TimeUnit.SECONDS);
			assertThat(List.of(first, second)).as(grace::printed)
				.anySatisfy((message) -> assertThat(message).containsEntry("text", "hello grace"))
				.anySatisfy((message) -> assertThat(message).containsEntry("username", "grace")
					.containsEntry("clientId", credential.clientId("grace"))
					.containsEntry("text", "hi from the paper's client"));
			await().atMost(Duration.ofSeconds(15)).until(() -> grace.printed().contains("hello grace"));
			grace.endInput();
			assertThat(grace.exitCode()).as(grace::printed).isZero();
		}
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
