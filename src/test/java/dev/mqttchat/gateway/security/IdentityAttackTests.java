package dev.mqttchat.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.RawWebSocket;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Speaking as somebody else: the username is fixed per STOMP session and stamped by the
 * server.
 */
@GatewayUnderAttack
class IdentityAttackTests {

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Test
	void aSessionCannotSwitchToAnotherUsername() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient ada = StompTestClient.connect(this.port);
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());
			BlockingQueue<Map<String, Object>> errors = ada.subscribe("/user/queue/errors");
			String send = room.sendDestination();

			ada.send(send, Map.of("username", "ada", "text", "I am ada"));
			ada.send(send, Map.of("username", "bob", "text", "now I am bob"));
			ada.send(send, Map.of("text", "no name given"));

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "username-mismatch");
			assertThat(onTopic.poll(10, TimeUnit.SECONDS).text()).contains("\"username\":\"ada\"").contains("I am ada");
			assertThat(onTopic.poll(10, TimeUnit.SECONDS).text()).contains("\"username\":\"ada\"")
				.contains("no name given");
			assertThat(onTopic).isEmpty();
		}
	}

	@Test
	void usernameFromConnectIsStampedOnEveryMessage() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (RawWebSocket socket = RawWebSocket.open(this.port, Map.of());
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());
			socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nusername:grace\n\n\u0000");
			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("CONNECTED");

			String body = "{\"username\":\"mallory\",\"text\":\"hi\"}";
			socket.send("SEND\ndestination:" + room.sendDestination() + "\ncontent-type:application/json\n\n" + body
					+ "\u0000");
			socket.send("SEND\ndestination:" + room.sendDestination()
					+ "\ncontent-type:application/json\n\n{\"text\":\"as grace\"}\u0000");

			MqttTestClient.Received published = onTopic.poll(10, TimeUnit.SECONDS);
			assertThat(published.text()).contains("\"username\":\"grace\"").contains("as grace");
			assertThat(onTopic).isEmpty();
		}
	}

	@Test
	void invalidUsernameAtConnectGetsAnError() throws Exception {
		try (RawWebSocket socket = RawWebSocket.open(this.port, Map.of())) {
			socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nusername:" + "x".repeat(33) + "\n\n\u0000");

			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("ERROR")
				.contains("message:Invalid username header");
		}
	}

}
