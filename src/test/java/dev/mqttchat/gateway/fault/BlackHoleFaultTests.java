package dev.mqttchat.gateway.fault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.TcpProxy;
import dev.mqttchat.gateway.testsupport.TestGateway;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A link to the broker that silently stops passing packets (a half-open TCP connection):
 * the keep-alive finds it out within 3 keep-alive intervals, readiness says so, and once
 * the network heals, bridging resumes with nothing lost.
 */
class BlackHoleFaultTests {

	@Test
	void aSilentLinkIsDetectedWithinThreeKeepAlivesAndHealsWithNothingLost() throws Exception {
		try (RestartableBroker broker = RestartableBroker.embedded();
				TcpProxy proxy = TcpProxy.to(URI.create(broker.url()).getPort());
				ConfigurableApplicationContext gateway = TestGateway
					.start(FaultSettings.with("tcp://127.0.0.1:" + proxy.port(), "chat.mqtt.keep-alive=1s"));
				FaultSession chat = FaultSession.open(gateway, broker.url())) {
			int port = chat.port();
			await().atMost(Duration.ofSeconds(20)).until(() -> Readiness.isReady(port));
			FaultSettings.paced(10, (n) -> chat.stream().sendFromBrowser(chat.browser(), n));
			await().atMost(Duration.ofSeconds(10)).until(() -> chat.receipts("stored") == 10);
			long start = System.nanoTime();
			proxy.blackHole();
			await().atMost(Duration.ofSeconds(3)).until(() -> !Readiness.isReady(port));
			long detectedMillis = (System.nanoTime() - start) / 1_000_000;
			for (int n = 11; n <= 20; n++) {
				chat.stream().sendFromBrowser(chat.browser(), n);
			}
			proxy.heal();
			await().atMost(Duration.ofSeconds(20)).until(() -> Readiness.isReady(port));
			await().atMost(Duration.ofSeconds(30)).until(() -> chat.receipts("stored") == 20);
			HistoryAudit audit = HistoryAudit.of(port, chat.room().id(), Map.of("web", List.copyOf(chat.stream().web)));
			assertThat(audit.isClean())
				.as("black hole detected after %d ms (keep-alive 1 s): %s", detectedMillis, audit)
				.isTrue();
			assertThat(chat.refusals()).as("refusals").isEmpty();
		}
	}

}
