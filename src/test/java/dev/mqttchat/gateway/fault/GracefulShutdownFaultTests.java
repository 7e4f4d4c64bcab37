package dev.mqttchat.gateway.fault;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.RawWebSocket;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway stopped as on SIGTERM: pages are told "going away" (1001) so they reconnect;
 * what its outbox holds is published by the next gateway on the same database; and a page
 * that re-sends what it has no receipt for, as the chat page does, gets every message
 * stored once.
 */
class GracefulShutdownFaultTests {

	@Test
	void theOutboxOutlivesAStopAndPagesAreToldToReconnect() throws Exception {
		String[] database = TestDatabases.h2(Files.createTempDirectory("shutdown-"));
		try (RestartableBroker broker = RestartableBroker.embedded()) {
			ConfigurableApplicationContext first = TestGateway.start(database, FaultSettings.with(broker.url()));
			int firstPort = TestGateway.port(first);
			TestRoom room = TestRooms.create(firstPort);
			MessageStream stream = new MessageStream(room.id(), room.topic(), broker.url());
			RawWebSocket page = RawWebSocket.open(firstPort, Map.of());
			page.send(RawWebSocket.connectFrame());
			page.next(Duration.ofSeconds(10));
			try (StompTestClient browser = StompTestClient.connect(firstPort)) {
				BlockingQueue<Map<String, Object>> receipts = browser.subscribe("/user/queue/receipts");
				await().atMost(Duration.ofSeconds(20)).until(() -> Readiness.isReady(firstPort));
				broker.stop();
				await().atMost(Duration.ofSeconds(10)).until(() -> !Readiness.isReady(firstPort));
				FaultSettings.paced(20, (n) -> stream.sendFromBrowser(browser, n));
				await().atMost(Duration.ofSeconds(10)).until(() -> MessageStream.distinct(receipts, "queued") == 20);
				first.close();
			}
			assertThat(page.closed().get(10, TimeUnit.SECONDS)).as("close status the page saw").isEqualTo(1001);
			broker.start();
			try (ConfigurableApplicationContext second = TestGateway.start(database,
					FaultSettings.with(broker.url()))) {
				int port = TestGateway.port(second);
				Map<String, List<String>> sent = Map.of("web", List.copyOf(stream.web));
				FaultSettings.awaitAtMost(Duration.ofSeconds(30),
						() -> HistoryAudit.of(port, room.id(), sent).stored() >= 20);
				HistoryAudit audit = HistoryAudit.of(port, room.id(), sent);
				assertThat(audit.isClean()).as("20 queued, then a stop and another gateway: %s", audit).isTrue();
			}
		}
	}

	@Test
	void aPageThatResendsWhatWasNotConfirmedLosesNothingThroughAStop() throws Exception {
		String[] database = TestDatabases.h2(Files.createTempDirectory("shutdown-"));
		try (RestartableBroker broker = RestartableBroker.embedded()) {
			ConfigurableApplicationContext first = TestGateway.start(database, FaultSettings.with(broker.url()));
			int firstPort = TestGateway.port(first);
			TestRoom room = TestRooms.create(firstPort);
			MessageStream stream = new MessageStream(room.id(), room.topic(), broker.url());
			BlockingQueue<Map<String, Object>> receipts;
			try (StompTestClient browser = StompTestClient.connect(firstPort)) {
				receipts = browser.subscribe("/user/queue/receipts");
				await().atMost(Duration.ofSeconds(20)).until(() -> Readiness.isReady(firstPort));
				for (int n = 1; n <= 30; n++) {
					stream.sendFromBrowser(browser, n);
				}
				first.close();
			}
			Set<Object> confirmed = receipts.stream()
				.filter((receipt) -> "stored".equals(receipt.get("status")))
				.map((receipt) -> receipt.get("clientMsgId"))
				.collect(Collectors.toSet());
			try (ConfigurableApplicationContext second = TestGateway.start(database, FaultSettings.with(broker.url()));
					StompTestClient browser = StompTestClient.connect(TestGateway.port(second))) {
				int port = TestGateway.port(second);
				await().atMost(Duration.ofSeconds(20)).until(() -> Readiness.isReady(port));
				// The page's re-send after a reconnect: same text, same clientMsgId.
				for (String text : stream.web) {
					if (!confirmed.contains(text)) {
						browser.send("/app/rooms/" + room.id(),
								Map.of("username", "ada", "text", text, "clientMsgId", text));
					}
				}
				Map<String, List<String>> sent = Map.of("web", List.copyOf(stream.web));
				FaultSettings.awaitAtMost(Duration.ofSeconds(30),
						() -> HistoryAudit.of(port, room.id(), sent).stored() >= 30);
				HistoryAudit audit = HistoryAudit.of(port, room.id(), sent);
				assertThat(audit.isClean())
					.as("30 SENDs, a stop after %d receipts, re-sends: %s", confirmed.size(), audit)
					.isTrue();
			}
		}
	}

}
