package dev.mqttchat.gateway.fault;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.TcpProxy;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL goes away under a stream of MQTT messages (every connection cut and new ones
 * refused for three seconds, as a restart does): nothing is acknowledged to the broker
 * meanwhile, so the messages wait there and are all stored once the database is back.
 */
class DatabaseOutageFaultTests {

	@Test
	void messagesWaitAtTheBrokerWhileTheDatabaseIsAway() throws Exception {
		String postgres = System.getenv("CHAT_TEST_POSTGRES_URL");
		assumeTrue(postgres != null && !postgres.isBlank(), "CHAT_TEST_POSTGRES_URL is not set");
		URI address = URI.create(postgres.substring("jdbc:".length()));
		try (RestartableBroker broker = RestartableBroker.embedded(); TcpProxy proxy = TcpProxy.to(address.getPort())) {
			String viaProxy = postgres.replace(address.getHost() + ":" + address.getPort(),
					"127.0.0.1:" + proxy.port());
			// Pool connections wait 2 s for the database, not 30, so the outage shows
			// quickly.
			String[] database = Stream
				.concat(Arrays.stream(TestDatabases.postgres(viaProxy)).map((argument) -> argument.substring(2)),
						Stream.of("spring.datasource.hikari.connection-timeout=2000"))
				.toArray(String[]::new);
			try (ConfigurableApplicationContext gateway = TestGateway
				.start(FaultSettings.with(broker.url(), database))) {
				int port = TestGateway.port(gateway);
				TestRoom room = TestRooms.create(port);
				MessageStream stream = new MessageStream(room.id(), room.topic(), broker.url());
				MqttClient publisher = stream.publisher();
				CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> {
					FaultSettings.pause(Duration.ofMillis(500));
					proxy.cut();
					FaultSettings.pause(Duration.ofSeconds(3));
					proxy.heal();
				});
				FaultSettings.paced(100, (n) -> stream.publish(publisher, n));
				outage.join();
				Map<String, List<String>> sent = Map.of("mqtt", List.copyOf(stream.mqtt));
				FaultSettings.awaitAtMost(Duration.ofSeconds(60),
						() -> HistoryAudit.of(port, room.id(), sent).stored() >= 100);
				HistoryAudit audit = HistoryAudit.of(port, room.id(), sent);
				assertThat(audit.isClean()).as("PostgreSQL away for 3 s under 100 MQTT messages: %s", audit).isTrue();
				publisher.disconnectForcibly(1000);
				publisher.close();
			}
		}
	}

}
