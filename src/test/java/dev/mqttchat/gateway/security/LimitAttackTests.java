package dev.mqttchat.gateway.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.RawWebSocket;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flooding: messages, huge frames, sockets that never speak and per-connection
 * compression; each hits a limit, others carry on.
 */
@GatewayWithSmallFrames
class LimitAttackTests {

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Test
	void sendRateIsLimitedPerSessionAndOthersCarryOn() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient flooder = StompTestClient.connect(this.port);
				StompTestClient neighbour = StompTestClient.connect(this.port);
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());
			BlockingQueue<Map<String, Object>> errors = flooder.subscribe("/user/queue/errors");

			for (int i = 0; i < 40; i++) {
				flooder.send(room.sendDestination(), Map.of("username", "flood", "text", "spam " + i));
			}
			neighbour.send(room.sendDestination(), Map.of("username", "calm", "text", "still here"));

			await().atMost(Duration.ofSeconds(15))
				.until(() -> onTopic.stream().anyMatch((m) -> m.text().contains("still here")));
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "rate-limited");
			// The neighbour's message may overtake the last of the flooder's allowed
			// burst:
			// the burst is counted once it has all arrived.
			await().atMost(Duration.ofSeconds(10))
				.until(() -> onTopic.stream().filter((m) -> m.text().contains("spam")).count() >= 20);
			long spam = onTopic.stream().filter((m) -> m.text().contains("spam")).count();
			assertThat(spam).isBetween(20L, 35L);
			assertThat(flooder.isConnected()).isTrue();
		}
	}

	@Test
	void oversizedFrameEndsOnlyThatConnection() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (RawWebSocket attacker = RawWebSocket.open(this.port, Map.of());
				StompTestClient neighbour = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> inbox = neighbour.subscribe(room.destination());
			attacker.send(RawWebSocket.connectFrame());
			assertThat(attacker.next(Duration.ofSeconds(10))).startsWith("CONNECTED");

			attacker.send("SEND\ndestination:" + room.sendDestination() + "\ncontent-type:application/json\n\n"
					+ "{\"username\":\"big\",\"text\":\"" + "x".repeat(100_000) + "\"}\u0000");

			assertThat(attacker.closed().get(10, TimeUnit.SECONDS)).isIn(1009, 1002, 1011);
			neighbour.send(room.sendDestination(), Map.of("username", "calm", "text", "unaffected"));
			assertThat(inbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "unaffected");
		}
	}

	@Test
	void frameOverTheLimitInBytesThoughNotInCharactersEndsTheConnection() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (RawWebSocket attacker = RawWebSocket.open(this.port, Map.of())) {
			attacker.send(RawWebSocket.connectFrame());
			assertThat(attacker.next(Duration.ofSeconds(10))).startsWith("CONNECTED");

			// 9,000 characters of three bytes each: 27 KB against the 16 KB limit.
			attacker.send("SEND\ndestination:" + room.sendDestination() + "\ncontent-type:application/json\n\n"
					+ "{\"username\":\"big\",\"text\":\"" + "\u20AC".repeat(9_000) + "\"}\u0000");

			assertThat(attacker.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
		}
	}

	@Test
	void webSocketCompressionIsNotNegotiated() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + this.port + "\r\n" + "Origin: http://localhost:"
						+ this.port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
						+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
						+ "Sec-WebSocket-Protocol: v12.stomp\r\n"
						+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			BufferedReader response = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			List<String> head = new ArrayList<>();
			for (String line = response.readLine(); line != null && !line.isEmpty(); line = response.readLine()) {
				head.add(line);
			}

			// A deflate context per connection would cost memory per browser and CPU per
			// subscriber and message.
			assertThat(head.get(0)).startsWith("HTTP/1.1 101");
			assertThat(head)
				.noneMatch((header) -> header.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions"));
		}
	}

	@Test
	void socketThatNeverSendsConnectIsClosed() throws Exception {
		try (RawWebSocket idle = RawWebSocket.open(this.port, Map.of())) {
			assertThat(idle.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
		}
	}

}
