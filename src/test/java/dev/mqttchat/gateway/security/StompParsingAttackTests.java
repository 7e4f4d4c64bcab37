package dev.mqttchat.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.RawWebSocket;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-made STOMP: split frames, NULs in bodies, unknown commands, missing headers; never
 * a crash.
 */
@GatewayUnderAttack
class StompParsingAttackTests {

	@LocalServerPort
	int port;

	@Test
	void frameSplitAcrossWebSocketMessagesIsReassembled() throws Exception {
		try (RawWebSocket socket = RawWebSocket.open(this.port, Map.of())) {
			socket.send("CONNECT\naccept-version:1.2\nho");
			socket.send("st:localhost\nheart-beat:0,0\n\n\u0000");

			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("CONNECTED").contains("version:1.2");
		}
	}

	@Test
	void nulInsideABodyWithContentLengthIsReadWhole() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		String body = "{\"username\":\"ada\",\"text\":\"a\u0000b\"}";
		try (RawWebSocket socket = connected()) {
			socket.send("SUBSCRIBE\nid:e\ndestination:/user/queue/errors\n\n\u0000");
			socket.send("SEND\ndestination:" + room.sendDestination() + "\ncontent-type:application/json\n"
					+ "content-length:" + body.length() + "\n\n" + body + "\u0000");

			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("MESSAGE").contains("\"code\":\"malformed\"");
		}
		assertHealthy(room);
	}

	@Test
	void unknownCommandGetsAnError() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (RawWebSocket socket = connected()) {
			socket.send("HELLO\nfoo:bar\n\n\u0000");

			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("ERROR");
		}
		assertHealthy(room);
	}

	@Test
	void sendWithoutDestinationIsRefused() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (RawWebSocket socket = connected()) {
			socket.send("SUBSCRIBE\nid:e\ndestination:/user/queue/errors\n\n\u0000");
			socket.send("SEND\ncontent-type:application/json\n\n{\"username\":\"ada\",\"text\":\"where?\"}\u0000");

			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("MESSAGE")
				.contains("\"code\":\"send-refused\"")
				.contains("no destination");
		}
		assertHealthy(room);
	}

	@Test
	void garbageBeforeConnectGetsAnError() throws Exception {
		try (RawWebSocket socket = RawWebSocket.open(this.port, Map.of())) {
			socket.send("\u0001\u0002 not stomp at all\n\n\u0000");

			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("ERROR");
		}
	}

	private RawWebSocket connected() throws Exception {
		RawWebSocket socket = RawWebSocket.open(this.port, Map.of());
		socket.send(RawWebSocket.connectFrame());
		assertThat(socket.next(Duration.ofSeconds(10))).startsWith("CONNECTED");
		return socket;
	}

	private void assertHealthy(TestRoom room) throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> inbox = client.subscribe(room.destination());
			client.send(room.sendDestination(), Map.of("username", "check", "text", "alive"));
			assertThat(inbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "alive");
		}
	}

}
