package dev.mqttchat.gateway.fault;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.h2.tools.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mqttchat.gateway.testsupport.GatewayProcess;
import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.MosquittoProcess;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two instances share a broker and a database; the one that stores is killed
 * ({@code kill -9}) in the middle of a stream, and then restarted with its instance id or
 * never again: the other takes the storing session over, and every message is stored
 * once, in order, and reaches the other instance's browser.
 */
class InstanceKillFaultTests {

	static final int MESSAGES = 60;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "restarted with its id", "never restarted" })
	void theStoringInstanceIsKilledMidStreamAndNothingIsLost(String afterwards) throws Exception {
		assumeTrue(MosquittoProcess.available(), "mosquitto is not installed here");
		String prefix = "kill/" + UUID.randomUUID() + "/rooms";
		// The database outlives either instance: the CI PostgreSQL, or an H2 server in
		// this JVM.
		String postgres = System.getenv("CHAT_TEST_POSTGRES_URL");
		Server h2 = (postgres == null || postgres.isBlank())
				? Server
					.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
							Files.createTempDirectory("kill-test-").toString())
					.start()
				: null;
		String[] database = (h2 != null)
				? new String[] { "spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/chat" }
				: java.util.Arrays.stream(TestDatabases.postgres(postgres))
					.map((arg) -> arg.substring(2))
					.toArray(String[]::new);
		String[] base = FaultSettings.with("", "chat.rooms.topic-prefix=" + prefix);
		for (String setting : database) {
			base = with(base, setting);
		}
		String[] shared = base;
		try (MosquittoProcess mosquitto = MosquittoProcess.start()) {
			shared[0] = "chat.mqtt.url=" + mosquitto.url();
			GatewayProcess first = GatewayProcess.start(with(shared, "chat.instance-id=first"));
			try (ConfigurableApplicationContext second = TestGateway.start(with(shared, "chat.instance-id=second"))) {
				int port = TestGateway.port(second);
				TestRoom room = TestRooms.create(port);
				MessageStream stream = new MessageStream(room.id(), room.topic(), mosquitto.url());
				try (StompTestClient browser = StompTestClient.connect(port)) {
					BlockingQueue<Map<String, Object>> live = browser.subscribe(room.destination());
					BlockingQueue<Map<String, Object>> receipts = browser.subscribe("/user/queue/receipts");
					MqttClient publisher = stream.publisher();
					CompletableFuture<Void> mqtt = CompletableFuture
						.runAsync(() -> FaultSettings.paced(MESSAGES, (n) -> stream.publish(publisher, n)));
					CompletableFuture<GatewayProcess> fault = CompletableFuture.supplyAsync(() -> {
						FaultSettings.pause(Duration.ofMillis(800));
						FaultSettings.quietly(first::kill);
						if (afterwards.startsWith("restarted")) {
							return restart(with(shared, "chat.instance-id=first"));
						}
						return null;
					});
					FaultSettings.paced(MESSAGES, (n) -> stream.sendFromBrowser(browser, n));
					mqtt.join();
					GatewayProcess restarted = fault.join();
					try {
						FaultSettings.awaitAtMost(Duration.ofSeconds(60),
								() -> HistoryAudit.of(port, room.id(), stream.sent()).stored() >= 2 * MESSAGES);
						FaultSettings.awaitAtMost(Duration.ofSeconds(20), () -> live.size() >= 2 * MESSAGES - 5);
						HistoryAudit audit = HistoryAudit.of(port, room.id(), stream.sent());
						long delivered = live.stream().map((message) -> message.get("text")).distinct().count();
						assertThat(audit.isClean())
							.as("storing instance killed, %s: %s; delivered %d of %d", afterwards, audit, delivered,
									2 * MESSAGES)
							.isTrue();
						// What the killed instance stored but could no longer announce,
						// the page
						// fetches: it sees the gap in seq once a later message arrives.
						long newest = live.stream()
							.mapToLong((message) -> ((Number) message.get("seq")).longValue())
							.max()
							.orElse(0);
						assertThat(newest).as("newest seq delivered live (delivered %d of %d)", delivered, 2 * MESSAGES)
							.isEqualTo(2 * MESSAGES);
						assertThat(MessageStream.distinct(receipts, "stored")).isEqualTo(MESSAGES);
					}
					finally {
						if (restarted != null) {
							restarted.close();
						}
						publisher.disconnectForcibly(1000);
						publisher.close();
					}
				}
			}
			finally {
				first.close();
			}
		}
		finally {
			if (h2 != null) {
				h2.stop();
			}
		}
	}

	private static GatewayProcess restart(String[] settings) {
		try {
			return GatewayProcess.start(settings);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String[] with(String[] shared, String setting) {
		String[] all = java.util.Arrays.copyOf(shared, shared.length + 1);
		all[shared.length] = setting;
		return all;
	}

}
