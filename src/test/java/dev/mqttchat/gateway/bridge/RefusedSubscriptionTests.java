package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker that refuses a subscription in its SUBACK ({@code 0x80}, as a clustered broker
 * does while a node is lost): the gateway is not ready until it asks again and the broker
 * grants it.
 */
class RefusedSubscriptionTests {

	@Test
	void aRefusedSubscriptionKeepsTheBridgeUnreadyUntilTheBrokerGrantsIt() throws Exception {
		AtomicReference<String> refusing = new AtomicReference<>("/deleted");
		IAuthorizatorPolicy policy = new IAuthorizatorPolicy() {

			@Override
			public boolean canWrite(Topic topic, String user, String client) {
				return true;
			}

			@Override
			public boolean canRead(Topic topic, String user, String client) {
				return !topic.toString().endsWith(refusing.get());
			}

		};
		try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start("127.0.0.1", 0, policy);
				ConfigurableApplicationContext gateway = TestGateway.start("chat.mqtt.url=" + broker.url(),
						"chat.rooms.topic-prefix=test/" + UUID.randomUUID() + "/rooms")) {
			MqttLinkMonitor links = gateway.getBean(MqttLinkMonitor.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> links.rooms().isUp() && links.store().isReady());
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !links.rooms().isReady() && !links.bridgeReady());
			refusing.set("/none");
			await().atMost(Duration.ofSeconds(15)).until(links::bridgeReady);
			assertThat(links.rooms().isReady()).as("the deleted topics' subscription, asked for again, granted")
				.isTrue();

			// A room's live topic is subscribed when its first reader comes: refused,
			// it keeps the bridge unready too until granted.
			refusing.set("/live");
			TestRoom room = TestRooms.create(TestGateway.port(gateway));
			try (StompTestClient reader = StompTestClient.connect(TestGateway.port(gateway))) {
				reader.subscribe(room.destination());
				await().atMost(Duration.ofSeconds(10)).until(() -> !links.inbound().isReady());
				refusing.set("/none");
				await().atMost(Duration.ofSeconds(15)).until(links::bridgeReady);
			}
		}
	}

}
