package dev.mqttchat.gateway.security;

import java.time.Duration;
import java.util.List;
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
import static org.awaitility.Awaitility.await;

/**
 * Many sessions each holding a frame they never finish, to fill the heap: together they
 * may hold only so much (40 KB here), the session over it is closed, the others carry on.
 */
@GatewayWithSmallFrames
class PartialFrameFloodAttackTests {

	@LocalServerPort
	int port;

	@Test
	void sessionOverTheUnfinishedFrameBudgetIsClosedAndOthersCarryOn() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (RawWebSocket first = connected();
				RawWebSocket second = connected();
				RawWebSocket third = connected();
				StompTestClient neighbour = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> inbox = neighbour.subscribe(room.destination());
			List<RawWebSocket> attackers = List.of(first, second, third);
			String head = "SEND\ndestination:" + room.sendDestination() + "\ncontent-type:application/json\nx-pad:";

			// 15,000 bytes each: two fit in 40 KB, the third does not.
			attackers.forEach((attacker) -> attacker.send(head + "a".repeat(15_000)));

			await().atMost(Duration.ofSeconds(10))
				.until(() -> attackers.stream().filter((attacker) -> attacker.closed().isDone()).count() == 1);
			RawWebSocket closed = attackers.stream().filter((a) -> a.closed().isDone()).findFirst().orElseThrow();
			assertThat(closed.closed().get()).as("close code of the session over the budget").isEqualTo(1013);
			List<RawWebSocket> survivors = attackers.stream().filter((a) -> a != closed).toList();
			for (RawWebSocket survivor : survivors) {
				survivor.send("\n\n{\"username\":\"slow\",\"text\":\"finished\"}\u0000");
			}
			neighbour.send(room.sendDestination(), Map.of("username", "calm", "text", "unaffected"));
			assertThat(List.of(next(inbox), next(inbox), next(inbox))).extracting((m) -> m.get("text"))
				.containsExactlyInAnyOrder("finished", "finished", "unaffected");
			assertThat(survivors).noneMatch((survivor) -> survivor.closed().isDone());
		}
	}

	private RawWebSocket connected() throws Exception {
		RawWebSocket socket = RawWebSocket.open(this.port, Map.of());
		socket.send(RawWebSocket.connectFrame());
		assertThat(socket.next(Duration.ofSeconds(10))).startsWith("CONNECTED");
		return socket;
	}

	private static Map<String, Object> next(BlockingQueue<Map<String, Object>> inbox) throws InterruptedException {
		Map<String, Object> message = inbox.poll(10, TimeUnit.SECONDS);
		assertThat(message).as("a message within 10 s").isNotNull();
		return message;
	}

}
