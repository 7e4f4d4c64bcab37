package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.TestGateway;

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
		AtomicBoolean granting = new AtomicBoolean();
		IAuthorizatorPolicy liveRefused = new IAuthorizatorPolicy() {

			@Override
			public boolean canWrite(Topic topic, String user, String client) {
				return true;
			}

			@Override
			public boolean canRead(Topic topic, String user, String client) {
				return granting.get() || !topic.toString().endsWith("/live");
			}

		};
		try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.start("127.0.0.1", 0, liveRefused);
				ConfigurableApplicationContext gateway = TestGateway.start("chat.mqtt.url=" + broker.url(),
						"chat.rooms.topic-prefix=test/" + UUID.randomUUID() + "/rooms")) {
			MqttLinkMonitor links = gateway.getBean(MqttLinkMonitor.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> links.inbound().isUp() && links.store().isReady());
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !links.inbound().isReady() && !links.bridgeReady());
			granting.set(true);
			await().atMost(Duration.ofSeconds(15)).until(links::bridgeReady);
			assertThat(links.inbound().isReady()).as("the live subscription, asked for again, granted").isTrue();
		}
	}

}
