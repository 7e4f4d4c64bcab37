package dev.mqttchat.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading every room through an embedded broker that listens beyond loopback: anyone who
 * reaches it could subscribe to {@code chat/rooms/#}.
 */
class EmbeddedBrokerExposureAttackTests {

	private static ConfigurableApplicationContext gateway;

	@BeforeAll
	static void startGatewayListeningEverywhere() {
		gateway = TestGateway.start("chat.mqtt.embedded.host=0.0.0.0");
	}

	@AfterAll
	static void stop() {
		gateway.close();
	}

	@Test
	void anonymousClientsAreRefused() {
		String url = gateway.getBean(BrokerEndpoint.class).url().replace("0.0.0.0", "127.0.0.1");

		assertThatThrownBy(() -> MqttTestClient.connect(url).close()).isInstanceOfSatisfying(MqttException.class,
				(ex) -> assertThat(ex.getReasonCode()).as("refused: CONNACK code, or closed before it")
					.isIn(4, 5, 32109));
		assertThatThrownBy(() -> MqttTestClient.connect(url, "eve", "any").close()).isInstanceOfSatisfying(
				MqttException.class,
				(ex) -> assertThat(ex.getReasonCode()).as("refused: CONNACK code, or closed before it")
					.isIn(4, 5, 32109));
	}

	@Test
	void theGatewayStillBridgesThroughIt() throws Exception {
		int port = TestGateway.port(gateway);
		TestRoom room = TestRooms.create(port);
		try (StompTestClient ada = StompTestClient.connect(port)) {
			BlockingQueue<Map<String, Object>> received = ada.subscribe(room.destination());

			ada.send(room.sendDestination(), Map.of("username", "ada", "text", "through the guarded broker"));

			assertThat(received.poll(Duration.ofSeconds(15).toSeconds(), TimeUnit.SECONDS))
				.as("the message, stored and delivered through the broker")
				.containsEntry("text", "through the guarded broker");
		}
	}

}
