package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.TestGateway;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the gateway sends the broker an MQTT DISCONNECT from every adapter rather than
 * just dropping them.
 */
@Tag("jdk-smoke")
class ShutdownTests {

	@Test
	void shutdownDisconnectsEveryClientCleanly() throws Exception {
		Set<String> disconnected = ConcurrentHashMap.newKeySet();
		try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start("127.0.0.1", 0, List.of())) {
			broker.addInterceptor(new AbstractInterceptHandler() {

				@Override
				public String getID() {
					return "shutdown-test";
				}

				@Override
				public void onDisconnect(InterceptDisconnectMessage message) {
					disconnected.add(message.getClientID());
				}

				@Override
				public void onSessionLoopError(Throwable error) {
				}

			});
			ConfigurableApplicationContext gateway = TestGateway.start("chat.mqtt.url=" + broker.url(),
					"chat.mqtt.client-id-prefix=shutdown");
			MqttClientIds ids = gateway.getBean(MqttClientIds.class);
			MqttLinkMonitor links = gateway.getBean(MqttLinkMonitor.class);
			await().atMost(Duration.ofSeconds(15)).until(() -> links.bridgeReady());
			sendOneMessage(((WebServerApplicationContext) gateway).getWebServer().getPort());
			await().atMost(Duration.ofSeconds(15)).until(() -> links.outbound().isReady());

			gateway.close();

			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(disconnected).contains(ids.inbound(), ids.outbound(), ids.store()));
		}
	}

	private static void sendOneMessage(int port) throws Exception {
		TestRoom room = TestRooms.create(port);
		try (StompTestClient browser = StompTestClient.connect(port)) {
			browser.send(room.sendDestination(), Map.of("username", "ada", "text", "bye"));
		}
	}

}
