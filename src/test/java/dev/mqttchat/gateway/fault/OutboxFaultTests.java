package dev.mqttchat.gateway.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browser messages sent while the broker is down are kept in the outbox, confirmed as
 * queued, and all stored and delivered once it is back; only a full outbox refuses.
 */
class OutboxFaultTests {

	@Test
	void sendsDuringABrokerOutageAreQueuedThenAllStored() throws Exception {
		try (RestartableBroker broker = RestartableBroker.embedded();
				ConfigurableApplicationContext gateway = TestGateway.start(FaultSettings.with(broker.url()))) {
			int port = TestGateway.port(gateway);
			TestRoom room = TestRooms.create(port);
			MessageStream stream = new MessageStream(room.id(), room.topic(), broker.url());
			try (StompTestClient browser = StompTestClient.connect(port)) {
				BlockingQueue<Map<String, Object>> receipts = browser.subscribe("/user/queue/receipts");
				BlockingQueue<Map<String, Object>> refusals = browser.subscribe("/user/queue/errors");
				BlockingQueue<Map<String, Object>> live = browser.subscribe(room.destination());
				await().atMost(Duration.ofSeconds(20)).until(() -> Readiness.isReady(port));
				broker.stop();
				await().atMost(Duration.ofSeconds(10)).until(() -> !Readiness.isReady(port));
				assertThat(Readiness.isLive(port)).as("liveness while the broker is down").isTrue();
				FaultSettings.paced(20, (n) -> stream.sendFromBrowser(browser, n));
				await().atMost(Duration.ofSeconds(10)).until(() -> MessageStream.distinct(receipts, "queued") == 20);
				broker.start();
				await().atMost(Duration.ofSeconds(30)).until(() -> MessageStream.distinct(receipts, "stored") == 20);
				await().atMost(Duration.ofSeconds(10)).until(() -> live.size() >= 20);
				HistoryAudit audit = HistoryAudit.of(port, room.id(), Map.of("web", List.copyOf(stream.web)));
				assertThat(audit.isClean()).as("sends during an outage: %s; refusals %s", audit, refusals).isTrue();
				assertThat(refusals).as("refusals while the outbox had room").isEmpty();
				assertThat(Readiness.isReady(port)).as("readiness after the outage").isTrue();
			}
		}
	}

	@Test
	void aFullOutboxRefusesWithBrokerUnavailable() throws Exception {
		try (RestartableBroker broker = RestartableBroker.embedded();
				ConfigurableApplicationContext gateway = TestGateway
					.start(FaultSettings.with(broker.url(), "chat.outbox.max-messages=3"))) {
			int port = TestGateway.port(gateway);
			TestRoom room = TestRooms.create(port);
			MessageStream stream = new MessageStream(room.id(), room.topic(), broker.url());
			try (StompTestClient browser = StompTestClient.connect(port)) {
				BlockingQueue<Map<String, Object>> receipts = browser.subscribe("/user/queue/receipts");
				BlockingQueue<Map<String, Object>> refusals = browser.subscribe("/user/queue/errors");
				broker.stop();
				await().atMost(Duration.ofSeconds(10)).until(() -> !Readiness.isReady(port));
				FaultSettings.paced(4, (n) -> stream.sendFromBrowser(browser, n));
				Map<String, Object> refusal = refusals.poll(10, TimeUnit.SECONDS);
				assertThat(refusal).containsEntry("code", "broker-unavailable").containsEntry("clientMsgId", "web-4");
				assertThat(MessageStream.distinct(receipts, "queued")).isEqualTo(3);
				broker.start();
			}
		}
	}

}
