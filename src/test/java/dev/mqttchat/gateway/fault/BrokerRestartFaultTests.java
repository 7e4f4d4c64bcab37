package dev.mqttchat.gateway.fault;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.MosquittoProcess;
import dev.mqttchat.gateway.testsupport.TestGateway;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The broker restarts under a stream of numbered messages from a browser and from an MQTT
 * client: every message is stored once, in its sender's order, with no gap, and every
 * browser message gets its stored receipt.
 */
class BrokerRestartFaultTests {

	static final int MESSAGES = 40;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "embedded", "mosquitto" })
	void nothingIsLostOrStoredTwiceWhenTheBrokerRestarts(String kind) throws Exception {
		assumeTrue(!"mosquitto".equals(kind) || MosquittoProcess.available(), "mosquitto is not installed here");
		try (RestartableBroker broker = "embedded".equals(kind) ? RestartableBroker.embedded()
				: RestartableBroker.mosquitto();
				ConfigurableApplicationContext gateway = TestGateway.start(FaultSettings.with(broker.url()));
				FaultSession chat = FaultSession.open(gateway, broker.url())) {
			MessageStream stream = chat.stream();
			MqttClient publisher = stream.publisher();
			CompletableFuture<Void> mqtt = CompletableFuture
				.runAsync(() -> FaultSettings.paced(MESSAGES, (n) -> stream.publish(publisher, n)));
			CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> FaultSettings.quietly(() -> {
				FaultSettings.pause(Duration.ofMillis(600));
				broker.stop();
				FaultSettings.pause(Duration.ofMillis(1500));
				broker.start();
			}));
			FaultSettings.paced(MESSAGES, (n) -> stream.sendFromBrowser(chat.browser(), n));
			CompletableFuture.allOf(mqtt, restart).join();
			FaultSettings.awaitAtMost(Duration.ofSeconds(60),
					() -> HistoryAudit.of(chat.port(), chat.room().id(), stream.sent()).stored() >= 2 * MESSAGES);
			FaultSettings.awaitAtMost(Duration.ofSeconds(20), () -> chat.receipts("stored") == MESSAGES);
			HistoryAudit audit = HistoryAudit.of(chat.port(), chat.room().id(), stream.sent());
			assertThat(audit.isClean())
				.as("broker (%s) restart: %s; queued receipts %d, stored receipts %d", kind, audit,
						chat.receipts("queued"), chat.receipts("stored"))
				.isTrue();
			assertThat(chat.receipts("stored")).as("stored receipts").isEqualTo(MESSAGES);
			assertThat(chat.refusals()).as("refusals").isEmpty();
			publisher.disconnectForcibly(1000);
			publisher.close();
		}
	}

}
