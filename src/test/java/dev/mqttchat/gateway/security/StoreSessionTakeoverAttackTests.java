package dev.mqttchat.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttClientIds;
import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Taking the gateway's storing session over on the broker: the session would receive, and
 * acknowledge, every room message, so none would be stored.
 */
@GatewayUnderAttack
class StoreSessionTakeoverAttackTests {

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	ChatProperties properties;

	@Autowired
	MqttClientIds ids;

	@Test
	void storingIdFromPublicFactsTakesNoMessage() throws Exception {
		// The formula every deployment used: a hash of the topic prefix and group alone.
		String guessed = "chat-store-" + sha256(this.properties.rooms().topicPrefix() + "\n").substring(0, 12);
		TestRoom room = TestRooms.create(this.port);
		AtomicInteger taken = new AtomicInteger();
		MqttClient attacker = persistentClient(guessed, taken);
		try (MqttTestClient publisher = MqttTestClient.connect(this.broker.url())) {
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				texts.add("take " + i);
				publisher.publish(room.topic(), "{\"username\":\"m\",\"text\":\"take " + i + "\"}");
			}

			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				HistoryAudit audit = HistoryAudit.of(this.port, room.id(), Map.of("m", texts));
				assertThat(audit.lost())
					.as("messages lost to a client with the guessed storing id: %s (%d taken by it)", audit,
							taken.get())
					.isZero();
			});
			assertThat(taken.get()).as("room messages the attacker received").isZero();
		}
		finally {
			attacker.disconnectForcibly(100, 100);
			attacker.close();
		}
	}

	@Test
	void gatewayIdsCarryNoPublicFactAlone() {
		assertThat(this.ids.store()).startsWith("chat-store-").hasSize("chat-store-".length() + 32);
		assertThat(this.ids.inbound()).matches(".*-" + this.ids.instance() + "-[0-9a-f]{16}-in");
	}

	@Test
	void brokerRefusesTheStoringIdToOtherUsers() {
		assertThatThrownBy(() -> login(this.ids.store(), "mallory", "secret")).isInstanceOfSatisfying(
				MqttException.class,
				(ex) -> assertThat(ex.getReasonCode()).as("refused: CONNACK code, or closed before it")
					.isIn(4, 5, 32109));
		assertThatThrownBy(() -> login(this.ids.store(), this.properties.mqtt().clientIdPrefix(), "guess"))
			.isInstanceOfSatisfying(MqttException.class,
					(ex) -> assertThat(ex.getReasonCode()).as("refused: CONNACK code, or closed before it")
						.isIn(4, 5, 32109));
		assertThatThrownBy(() -> login(this.ids.presence(), "mallory", "secret")).isInstanceOfSatisfying(
				MqttException.class,
				(ex) -> assertThat(ex.getReasonCode()).as("refused: CONNACK code, or closed before it")
					.isIn(4, 5, 32109));
	}

	private MqttClient persistentClient(String clientId, AtomicInteger received) throws MqttException {
		MqttClient client = new MqttClient(this.broker.url(), clientId, new MemoryPersistence());
		client.setCallback(new MqttCallback() {

			@Override
			public void connectionLost(Throwable cause) {
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
				received.incrementAndGet();
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}

		});
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(false);
		options.setAutomaticReconnect(true);
		options.setMaxReconnectDelay(200);
		client.connect(options);
		return client;
	}

	private void login(String clientId, String username, String password) throws MqttException {
		try (MqttClient client = new MqttClient(this.broker.url(), clientId, new MemoryPersistence())) {
			MqttConnectOptions options = new MqttConnectOptions();
			options.setCleanSession(false);
			options.setUserName(username);
			options.setPassword(password.toCharArray());
			options.setConnectionTimeout(10);
			client.connect(options);
			client.disconnect();
		}
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
