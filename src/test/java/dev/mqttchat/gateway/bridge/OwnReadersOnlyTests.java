package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.NatsCluster;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three gateways over one database, on a 3-node NATS cluster where nats-server is
 * installed (each gateway first on another node), else on the first one's embedded
 * broker: an instance spends nothing on a room it has no reader in, and a reader joining
 * mid-stream gets every message once and in order.
 */
class OwnReadersOnlyTests {

	private static final int MESSAGES = 60;

	private static NatsCluster cluster;

	private static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

	@BeforeAll
	static void startGateways() throws Exception {
		String prefix = "test/" + UUID.randomUUID() + "/rooms";
		String postgres = System.getenv("CHAT_TEST_POSTGRES_URL");
		String[] database = (postgres != null && !postgres.isBlank()) ? TestDatabases.postgres(postgres)
				: new String[] {
						"--spring.datasource.url=jdbc:h2:mem:own-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" };
		cluster = NatsCluster.available() ? NatsCluster.start(3) : null;
		for (int i = 0; i < 3; i++) {
			String broker = (cluster != null) ? nodesFrom(i) : (i == 0) ? "" : brokerOf(gateways.get(0));
			ConfigurableApplicationContext gateway = TestGateway.start(database, "chat.mqtt.url=" + broker,
					"chat.rooms.topic-prefix=" + prefix);
			await().atMost(Duration.ofSeconds(30)).until(() -> gateway.getBean(MqttLinkMonitor.class).bridgeReady());
			gateways.add(gateway);
		}
	}

	private static String nodesFrom(int first) {
		List<String> nodes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			nodes.add(cluster.url((first + i) % 3 + 1));
		}
		return String.join(",", nodes);
	}

	@AfterAll
	static void stopGateways() throws Exception {
		gateways.forEach(ConfigurableApplicationContext::close);
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void instancesWithoutAReaderInTheRoomReadNothingOfIt() throws Exception {
		ConfigurableApplicationContext storing = storing();
		ConfigurableApplicationContext serving = gateways.stream().filter((g) -> g != storing).findFirst().get();
		ConfigurableApplicationContext idle = gateways.stream()
			.filter((g) -> g != storing && g != serving)
			.findFirst()
			.get();
		TestRoom room = TestRooms.create(TestGateway.port(serving));
		Map<ConfigurableApplicationContext, Double> before = new HashMap<>();
		gateways.forEach((g) -> before.put(g, reads(g) + heard(g)));
		try (StompTestClient reader = StompTestClient.connect(TestGateway.port(serving));
				MqttTestClient publisher = MqttTestClient.connect(brokerOf(idle))) {
			BlockingQueue<Map<String, Object>> inbox = reader.subscribe(room.destination());
			BrokerSubscriptions.await(serving.getBean(SimpleBrokerMessageHandler.class), room.destination(), 1);
			await().atMost(Duration.ofSeconds(10)).until(() -> following(serving) == 1);
			for (int i = 1; i <= MESSAGES; i++) {
				publisher.publish(room.topic(), "terminal (t1): " + i);
			}
			List<Long> seqs = take(inbox, MESSAGES);
			String figures = String.format(
					"reads/announcements: serving %.0f, storing %.0f, idle %.0f; live rooms: storing %.0f, idle %.0f",
					reads(serving) + heard(serving) - before.get(serving), reads(storing) - before.get(storing),
					reads(idle) + heard(idle) - before.get(idle), following(storing), following(idle));
			assertThat(seqs).as("delivered once, in order: " + figures)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, MESSAGES).boxed().toList());
			assertThat(reads(idle) + heard(idle) - before.get(idle)).as("the idle instance: " + figures).isZero();
			assertThat(reads(storing) - before.get(storing)).as("the storing instance reads nothing back: " + figures)
				.isZero();
			assertThat(reads(serving) - before.get(serving)).as("each message read once where it is served: " + figures)
				.isEqualTo(MESSAGES);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> following(serving) == 0);
	}

	@Test
	void aReaderJoiningMidStreamGetsEveryMessageOnceAndInOrder() throws Exception {
		ConfigurableApplicationContext storing = storing();
		ConfigurableApplicationContext serving = gateways.stream().filter((g) -> g != storing).findFirst().get();
		TestRoom room = TestRooms.create(TestGateway.port(serving));
		try (StompTestClient reader = StompTestClient.connect(TestGateway.port(serving));
				MqttTestClient publisher = MqttTestClient.connect(brokerOf(storing))) {
			for (int i = 1; i <= MESSAGES / 3; i++) {
				publisher.publish(room.topic(), "terminal (t1): " + i);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> latest(serving, room) == MESSAGES / 3);
			// The rest paced (the load's shape, not a wait for an event), so the reader
			// joins while they are being stored.
			CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
				for (int i = MESSAGES / 3 + 1; i <= MESSAGES; i++) {
					String text = "terminal (t1): " + i;
					quietly(() -> publisher.publish(room.topic(), text));
					LockSupport.parkNanos(Duration.ofMillis(15).toNanos());
				}
			});
			// As the page does: subscribe, then load what is stored.
			BlockingQueue<Map<String, Object>> inbox = reader.subscribe(room.destination());
			BrokerSubscriptions.await(serving.getBean(SimpleBrokerMessageHandler.class), room.destination(), 1);
			long loaded = latest(serving, room);
			stream.join();
			List<Long> live = take(inbox, 1);
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				Map<String, Object> next = inbox.poll(100, TimeUnit.MILLISECONDS);
				if (next != null) {
					live.add(((Number) next.get("seq")).longValue());
				}
				return live.get(live.size() - 1) == MESSAGES;
			});
			assertThat(inbox.poll(500, TimeUnit.MILLISECONDS)).as("nothing after the last").isNull();
			long first = live.get(0);
			assertThat(live).as("live from seq %d on, history loaded up to %d", first, loaded)
				.containsExactlyElementsOf(LongStream.rangeClosed(first, MESSAGES).boxed().toList());
			assertThat(first).as("live and history leave no hole (history up to %d)", loaded)
				.isLessThanOrEqualTo(loaded + 1);
		}
	}

	private static ConfigurableApplicationContext storing() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> gateways.stream().filter((g) -> g.getBean(MqttLinkMonitor.class).store().isUp()).count() == 1);
		return gateways.stream().filter((g) -> g.getBean(MqttLinkMonitor.class).store().isUp()).findFirst().get();
	}

	private static String brokerOf(ConfigurableApplicationContext gateway) {
		return gateway.getBean(BrokerEndpoint.class).url();
	}

	private static long latest(ConfigurableApplicationContext gateway, TestRoom room) {
		List<Map<String, Object>> newest = RestClient.create("http://localhost:" + TestGateway.port(gateway))
			.get()
			.uri("/api/rooms/{id}/messages?limit=1", room.id())
			.retrieve()
			.body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			});
		return (newest == null || newest.isEmpty()) ? 0 : ((Number) newest.get(0).get("seq")).longValue();
	}

	private static List<Long> take(BlockingQueue<Map<String, Object>> inbox, int count) throws InterruptedException {
		List<Long> seqs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, Object> message = inbox.poll(30, TimeUnit.SECONDS);
			assertThat(message).as("message %d of %d; got the seqs %s", i + 1, count, seqs).isNotNull();
			seqs.add(((Number) message.get("seq")).longValue());
		}
		return seqs;
	}

	private static double reads(ConfigurableApplicationContext gateway) {
		return gateway.getBean(MeterRegistry.class)
			.find("chat.live.reads")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private static double heard(ConfigurableApplicationContext gateway) {
		return gateway.getBean(MeterRegistry.class).get("chat.live.announcements").counter().count();
	}

	private static double following(ConfigurableApplicationContext gateway) {
		return gateway.getBean(MeterRegistry.class).get("chat.live.rooms").gauge().value();
	}

	private interface Step {

		void run() throws Exception;

	}

	private static void quietly(Step step) {
		try {
			step.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
