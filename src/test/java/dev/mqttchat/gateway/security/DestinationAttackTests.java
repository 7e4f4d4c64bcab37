package dev.mqttchat.gateway.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribing or sending outside one's own rooms: patterns, other prefixes, unknown
 * rooms, forged broadcasts.
 */
@GatewayUnderAttack
class DestinationAttackTests {

	@LocalServerPort
	int port;

	@Test
	void wildcardAndForeignSubscriptionsAreRefusedAndReceiveNothing() throws Exception {
		TestRoom victim = TestRooms.create(this.port);
		TestRoom own = TestRooms.create(this.port);
		String victimId = victim.id();
		List<String> hostile = List.of("/topic/rooms/**", "/topic/rooms/*", "/topic/**", "/topic/rooms/{id}",
				"/topic/rooms/" + victimId.substring(0, 10) + "*", "/topic/rooms", "/queue/errors-user" + victimId,
				"/user/queue/errors/**", "/app/rooms/" + victimId, "/topic/rooms/AAAAAAAAAAAAAAAAAAAAAA",
				"/topic/rooms/" + victimId + "/x", "/topic/rooms/../rooms/" + victimId, "/topic/rooms/*/presence",
				"/topic/rooms/" + victimId + "/presence/x", "/topic/rooms/" + victimId + "/typing/**",
				"/topic/rooms/AAAAAAAAAAAAAAAAAAAAAA/read");
		try (StompTestClient attacker = StompTestClient.connect(this.port);
				StompTestClient speaker = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> errors = attacker.subscribe("/user/queue/errors");
			List<BlockingQueue<Map<String, Object>>> stolen = hostile.stream().map(attacker::subscribe).toList();
			for (String destination : hostile) {
				assertThat(errors.poll(10, TimeUnit.SECONDS)).as(destination)
					.containsEntry("code", "subscription-refused")
					.extractingByKey("message")
					.asString()
					.startsWith("Cannot subscribe to ");
			}
			BlockingQueue<Map<String, Object>> ownRoom = attacker.subscribe(own.destination());

			speaker.send(victim.sendDestination(), Map.of("username", "victim", "text", "secret"));
			speaker.send(own.sendDestination(), Map.of("username", "victim", "text", "marker"));

			assertThat(ownRoom.poll(10, TimeUnit.SECONDS)).containsEntry("text", "marker");
			assertThat(stolen).allSatisfy((queue) -> assertThat(queue).isEmpty());
		}
	}

	@Test
	void sendStraightToATopicCannotForgeABroadcast() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient forger = StompTestClient.connect(this.port);
				StompTestClient reader = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> inbox = reader.subscribe(room.destination());
			BlockingQueue<Map<String, Object>> errors = forger.subscribe("/user/queue/errors");

			forger.send(room.destination(),
					Map.of("id", "forged", "username", "admin", "text", "forged", "source", "web"));
			forger.send("/app/other/" + room.id(), Map.of("username", "x", "text", "elsewhere"));
			forger.send(room.destination() + "/presence", Map.of("type", "join", "username", "ghost"));

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "send-refused")
				.extractingByKey("message")
				.asString()
				.startsWith("Cannot send to /topic/rooms/");
			assertThat(errors.poll(10, TimeUnit.SECONDS)).extractingByKey("message")
				.asString()
				.startsWith("Cannot send to /app/other/");
			assertThat(errors.poll(10, TimeUnit.SECONDS)).as("a forged join").containsEntry("code", "send-refused");
			reader.send(room.sendDestination(), Map.of("username", "reader", "text", "real"));
			assertThat(inbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "real");
			assertThat(inbox).isEmpty();
		}
	}

	@Test
	void sendToAnUnknownRoomIsRefusedOnTheErrorQueue() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> errors = client.subscribe("/user/queue/errors");

			client.send("/app/rooms/AAAAAAAAAAAAAAAAAAAAAA", Map.of("username", "ada", "text", "hello?"));

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "unknown-room");
			assertThat(client.isConnected()).isTrue();
		}
	}

}
