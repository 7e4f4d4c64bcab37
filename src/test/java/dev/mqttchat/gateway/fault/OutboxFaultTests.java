package dev.mqttchat.gateway.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.TestGateway;

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
				ConfigurableApplicationContext gateway = TestGateway.start(FaultSettings.with(broker.url()));
				FaultSession chat = FaultSession.open(gateway, broker.url())) {
			int port = chat.port();
			BlockingQueue<Map<String, Object>> live = chat.browser().subscribe(chat.room().destination());
			await().atMost(Duration.ofSeconds(20)).until(() -> Readiness.isReady(port));
			broker.stop();
			await().atMost(Duration.ofSeconds(10)).until(() -> !Readiness.isReady(port));
			assertThat(Readiness.isLive(port)).as("liveness while the broker is down").isTrue();
			FaultSettings.paced(20, (n) -> chat.stream().sendFromBrowser(chat.browser(), n));
			await().atMost(Duration.ofSeconds(10)).until(() -> chat.receipts("queued") == 20);
			broker.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> chat.receipts("stored") == 20);
			await().atMost(Duration.ofSeconds(10)).until(() -> live.size() >= 20);
			HistoryAudit audit = HistoryAudit.of(port, chat.room().id(), Map.of("web", List.copyOf(chat.stream().web)));
			assertThat(audit.isClean()).as("sends during an outage: %s; refusals %s", audit, chat.refusals()).isTrue();
			assertThat(chat.refusals()).as("refusals while the outbox had room").isEmpty();
			assertThat(Readiness.isReady(port)).as("readiness after the outage").isTrue();
		}
	}

	@Test
	void aFullOutboxRefusesWithBrokerUnavailable() throws Exception {
		try (RestartableBroker broker = RestartableBroker.embedded();
				ConfigurableApplicationContext gateway = TestGateway
					.start(FaultSettings.with(broker.url(), "chat.outbox.max-messages=3"));
				FaultSession chat = FaultSession.open(gateway, broker.url())) {
			broker.stop();
			await().atMost(Duration.ofSeconds(10)).until(() -> !Readiness.isReady(chat.port()));
			FaultSettings.paced(4, (n) -> chat.stream().sendFromBrowser(chat.browser(), n));
			Map<String, Object> refusal = chat.refusals().poll(10, TimeUnit.SECONDS);
			assertThat(refusal).containsEntry("code", "broker-unavailable").containsEntry("clientMsgId", "web-4");
			assertThat(chat.receipts("queued")).isEqualTo(3);
			broker.start();
		}
	}

}
