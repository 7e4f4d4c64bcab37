package dev.mqttchat.gateway.fault;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.NatsCluster;
import dev.mqttchat.gateway.testsupport.TestGateway;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two gateways that each know one node of a clustered broker (three nats-server nodes):
 * the storing gateway's node dies mid-stream, it gives the storing session up, and the
 * other takes it over through its own node while the cluster still refuses some
 * subscriptions; every message is stored once, with no gap.
 */
class NodeLossTakeoverFaultTests {

	static final int MESSAGES = 40;

	@Test
	void theStoringSessionIsTakenOverThroughAnotherNodeWhileTheClusterRecovers() throws Exception {
		assumeTrue(NatsCluster.available(),
				"nats-server not found at /usr/sbin/nats-server: cluster fault test skipped");
		String database = "spring.datasource.url=jdbc:h2:mem:node-loss-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		String prefix = "chat.rooms.topic-prefix=node-loss/" + UUID.randomUUID() + "/rooms";
		try (NatsCluster cluster = NatsCluster.start(3);
				ConfigurableApplicationContext first = TestGateway.start(FaultSettings.with(cluster.url(1), database,
						prefix, "chat.instance-id=first", "chat.storage.give-up-after=4s"));
				ConfigurableApplicationContext second = TestGateway
					.start(FaultSettings.with(cluster.url(2), database, prefix, "chat.instance-id=second"));
				FaultSession chat = FaultSession.open(second, cluster.url(3))) {
			MqttLinkMonitor firstLinks = first.getBean(MqttLinkMonitor.class);
			MqttLinkMonitor secondLinks = second.getBean(MqttLinkMonitor.class);
			assertThat(firstLinks.store().isStandby()).as("the first gateway stores").isFalse();
			MessageStream stream = chat.stream();
			MqttClient publisher = stream.publisher();
			long[] killedAt = new long[1];
			CompletableFuture<Void> mqtt = CompletableFuture
				.runAsync(() -> FaultSettings.paced(MESSAGES, (n) -> stream.publish(publisher, n)));
			CompletableFuture<Void> kill = CompletableFuture.runAsync(() -> FaultSettings.quietly(() -> {
				FaultSettings.pause(Duration.ofMillis(600));
				killedAt[0] = System.nanoTime();
				cluster.kill(1);
			}));
			FaultSettings.paced(MESSAGES, (n) -> stream.sendFromBrowser(chat.browser(), n));
			CompletableFuture.allOf(mqtt, kill).join();
			FaultSettings.awaitAtMost(Duration.ofSeconds(60),
					() -> HistoryAudit.of(chat.port(), chat.room().id(), stream.sent()).stored() >= 2 * MESSAGES);
			Duration allStored = Duration.ofNanos(System.nanoTime() - killedAt[0]);
			HistoryAudit audit = HistoryAudit.of(chat.port(), chat.room().id(), stream.sent());
			String figures = String.format(
					"node of the storing gateway killed, the other takes over through its own node: %s; all stored %s "
							+ "after the kill; second stores %s on %s; first stands by %s",
					audit, allStored, !secondLinks.store().isStandby(), secondLinks.store().node(),
					firstLinks.store().isStandby());
			System.out.println("NodeLossTakeoverFaultTests: " + figures);
			assertThat(new int[] { audit.lost(), audit.duplicated(), audit.gaps(), audit.unexpected() }).as(figures)
				.containsOnly(0);
			assertThat(secondLinks.store().isStandby()).as("the second stores: " + figures).isFalse();
			publisher.disconnectForcibly(1000);
			publisher.close();
		}
	}

}
