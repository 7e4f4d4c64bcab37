package dev.mqttchat.gateway.presence;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unread counts across rooms: {@code POST /api/rooms/unread} from the stored history, and
 * a room's {@code /activity} destination, live, without a seat in its presence.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnreadTests {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	private final List<StompTestClient> clients = new java.util.ArrayList<>();

	@AfterEach
	void close() {
		this.clients.forEach(StompTestClient::close);
	}

	@Test
	void countsOthersMessagesAfterThePositionAndMentionsOfTheReader() throws Exception {
		TestRoom busy = TestRooms.create(this.port, "Busy");
		TestRoom quiet = TestRooms.create(this.port, "Quiet");
		StompTestClient bob = stomp("bob");
		BlockingQueue<Map<String, Object>> stored = bob.subscribe(busy.destination());
		StompTestClient alice = stomp("alice");
		for (String text : List.of("one", "hi @alice", "@alicex is no mention", "mail alice@example.org", "@ALICE!")) {
			bob.send(busy.sendDestination(), Map.of("text", text));
			assertThat(stored.poll(15, TimeUnit.SECONDS)).as("stored: " + text).isNotNull();
		}
		alice.send(busy.sendDestination(), Map.of("text", "my own"));
		assertThat(stored.poll(15, TimeUnit.SECONDS)).isNotNull();

		Map<String, Object> answer = unread(
				Map.of("username", "alice", "rooms", List.of(Map.of("id", busy.id(), "after", 1),
						Map.of("id", quiet.id()), Map.of("id", "AAAAAAAAAAAAAAAAAAAAAA"))));

		assertThat((List<Map<String, Object>>) answer.get("rooms")).containsExactly(
				Map.of("id", busy.id(), "latestSeq", 6, "unread", 4, "mentions", 2),
				Map.of("id", quiet.id(), "latestSeq", 0, "unread", 0, "mentions", 0));
		assertThat((List<String>) answer.get("missing")).containsExactly("AAAAAAAAAAAAAAAAAAAAAA");
		Map<String, Object> all = unread(Map.of("rooms", List.of(Map.of("id", busy.id(), "after", 0))));
		assertThat((List<Map<String, Object>>) all.get("rooms")).singleElement()
			.satisfies((room) -> assertThat(room).containsEntry("unread", 6).containsEntry("mentions", 0));
	}

	@Test
	void badRequestsAreRefusedWithAProblem() {
		for (Object body : List.of(Map.of("rooms", List.of(Map.of("id", "../x"))),
				Map.of("username", "a\u0000b", "rooms", List.of()),
				Map.of("rooms", List.of(Map.of("id", "abc", "after", -1))), Map.of(),
				Map.of("rooms", java.util.Collections.nCopies(101, Map.of("id", "abc"))))) {
			int status = client().post()
				.uri("/api/rooms/unread")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).as(body.toString()).isEqualTo(400);
		}
	}

	@Test
	void activityDestinationDeliversMessagesWithoutASeatInPresence() throws Exception {
		TestRoom room = TestRooms.create(this.port, "Watched");
		BlockingQueue<Map<String, Object>> activity = stomp("carol").subscribe(room.destination() + "/activity");
		StompTestClient dave = stomp("dave");
		BlockingQueue<Map<String, Object>> inRoom = dave.subscribe(room.destination());
		await().atMost(Duration.ofSeconds(15))
			.until(() -> new RoomApi(this.port).presence(room.id()), (members) -> members.size() == 1);

		dave.send(room.sendDestination(), Map.of("text", "anyone?"));

		assertThat(inRoom.poll(15, TimeUnit.SECONDS)).containsEntry("text", "anyone?");
		assertThat(activity.poll(15, TimeUnit.SECONDS)).containsEntry("text", "anyone?").containsEntry("seq", 1);
		assertThat(new RoomApi(this.port).presence(room.id())).extracting((member) -> member.get("username"))
			.as("watching a room's activity is not being in it")
			.containsExactly("dave");
	}

	private Map<String, Object> unread(Object body) {
		return client().post()
			.uri("/api/rooms/unread")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(MAP);
	}

	private StompTestClient stomp(String username) throws Exception {
		StompTestClient client = StompTestClient.connect(this.port, username);
		this.clients.add(client);
		return client;
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
