package dev.mqttchat.gateway.presence;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.h2.tools.Server;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mqttchat.gateway.bridge.TestBrokers;
import dev.mqttchat.gateway.testsupport.GatewayProcess;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TcpProxy;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.FreePorts;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances share a broker and a database; the one holding a web user is killed
 * ({@code kill -9}) or cut off without a word: the other instance's roster loses that
 * user within twice the MQTT keep-alive, and so do plain MQTT watchers of the presence
 * topics.
 */
class InstanceKillPresenceTests {

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "killed", "cut off by a network black hole" })
	void usersOfALostInstanceLeaveTheOtherInstancesRosterWithinTwiceTheKeepAlive(String fault) throws Exception {
		int brokerPort = FreePorts.next();
		Server h2 = Server
			.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
					Files.createTempDirectory("presence-kill-").toString())
			.start();
		String brokerUrl = "tcp://127.0.0.1:" + brokerPort;
		String[] shared = { "chat.mqtt.url=" + brokerUrl, "chat.mqtt.keep-alive=" + KEEP_ALIVE.toSeconds() + "s",
				"chat.rooms.topic-prefix=presence/" + UUID.randomUUID() + "/rooms",
				"spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/chat" };
		try (AutoCloseable broker = TestBrokers.embedded(brokerPort);
				TcpProxy network = TcpProxy.to(brokerPort);
				ConfigurableApplicationContext survivor = TestGateway
					.start(with(shared, "chat.instance-id=survivor"))) {
			int port = TestGateway.port(survivor);
			// The doomed instance reaches the broker through a proxy that can go silent.
			String[] doomedSettings = with(shared, "chat.instance-id=doomed");
			doomedSettings[0] = "chat.mqtt.url=tcp://127.0.0.1:" + network.port();
			GatewayProcess doomed = GatewayProcess.start(doomedSettings);
			try (StompTestClient watcher = StompTestClient.connect(port, "watcher");
					StompTestClient alice = StompTestClient.connect(doomed.port(), "alice");
					MqttTestClient mqtt = MqttTestClient.connect(brokerUrl)) {
				TestRoom room = TestRooms.create(port);
				RoomApi api = new RoomApi(port);
				BlockingQueue<Map<String, Object>> events = watcher.subscribe(room.destination() + "/presence");
				assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "roster");
				alice.subscribe(room.destination());
				assertThat(events.poll(15, TimeUnit.SECONDS)).as("alice, on the other instance, joins")
					.containsEntry("type", "join")
					.containsEntry("username", "alice");

				long killedAt = System.nanoTime();
				if (fault.equals("killed")) {
					doomed.kill();
				}
				else {
					// Alive but unreachable, like a frozen VM: no socket closes, and only
					// the keep-alive tells the broker.
					network.blackHole();
				}

				assertThat(events.poll(2 * KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS))
					.as("%s: leave within 2 x keep-alive (%s)", fault, KEEP_ALIVE.multipliedBy(2))
					.containsEntry("type", "leave")
					.containsEntry("username", "alice");
				Duration gone = Duration.ofNanos(System.nanoTime() - killedAt);
				assertThat(api.presence(room.id())).as("%s: roster %s after", fault, gone).isEmpty();
				assertThat(gone).as("%s: alice left the roster %s after", fault, gone)
					.isLessThanOrEqualTo(KEEP_ALIVE.multipliedBy(2));
				// The survivor clears the entries the dead instance left retained.
				BlockingQueue<MqttTestClient.Received> retained = mqtt.subscribe(room.topic() + "/presence/#");
				await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(retained::isEmpty);
			}
			finally {
				doomed.close();
			}
		}
		finally {
			h2.stop();
		}
	}

	private static String[] with(String[] shared, String setting) {
		String[] all = java.util.Arrays.copyOf(shared, shared.length + 1);
		all[shared.length] = setting;
		return all;
	}

}
