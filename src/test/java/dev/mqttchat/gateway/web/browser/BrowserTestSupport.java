package dev.mqttchat.gateway.web.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context every browser test class shares (same annotations, so it is
 * cached), and what the tests need from it: the page's address, the broker and the
 * server's WebSocket sessions.
 */
// Every browser runs on 127.0.0.1 and the suite creates a room per test, more than one
// address may per minute.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chat.rooms.topic-prefix=test/browser/chat/rooms", "chat.rooms.create-per-minute=1000" })
@Import(WebSocketSessions.Config.class)
@ExtendWith(ChromiumAvailable.class)
abstract class BrowserTestSupport {

	static final String TOPIC_PREFIX = "test/browser/chat/rooms/";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	WebSocketSessions sessions;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	ChatPage page(Browser browser) {
		return new ChatPage(browser.driver(), baseUrl());
	}

	MqttPeer mqttPeer(String roomId) throws MqttException {
		return new MqttPeer(this.broker.url(), TOPIC_PREFIX + roomId);
	}

	/** Creates a room over REST, as another browser or a script would; returns its id. */
	String createRoomOverRest(String name) throws IOException, InterruptedException {
		return createOwnedRoomOverRest(name).id();
	}

	/**
	 * Creates a room over REST and keeps what only its creator gets: the owner token that
	 * deletes it.
	 */
	OwnedRoom createOwnedRoomOverRest(String name) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/rooms"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name", name))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode room = json.readTree(response.body());
		return new OwnedRoom(room.path("id").asString(), room.path("ownerToken").asString());
	}

	/**
	 * Deletes a room over REST with its owner token, as its owner would from another
	 * device or a script.
	 */
	void deleteRoomOverRest(String roomId, String ownerToken) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/rooms/" + roomId))
			.header("Authorization", "Bearer " + ownerToken)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
	}

	/** The room as {@code GET /api/rooms/{id}} answers it. */
	JsonNode roomOverRest(String roomId) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/api/rooms/" + roomId)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	/**
	 * The room's newest stored messages (up to 200), oldest first, from {@code GET
	 * /api/rooms/{id}/messages}.
	 */
	List<JsonNode> storedMessages(String roomId) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/api/rooms/" + roomId + "/messages?limit=200")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).valueStream().toList();
	}

	/**
	 * Waits until the server has stored {@code count} messages of the room, i.e. they are
	 * history now.
	 */
	List<JsonNode> awaitStored(String roomId, int count) {
		return await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> storedMessages(roomId), (stored) -> stored.size() >= count);
	}

	/** The HTTP status of {@code GET /api/rooms/{id}}. */
	int roomStatus(String roomId) throws IOException, InterruptedException {
		return http
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/rooms/" + roomId)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/**
	 * A room created over REST, with the owner token that only its creator gets.
	 *
	 * @param id the room's id
	 * @param ownerToken the token that deletes it
	 */
	record OwnedRoom(String id, String ownerToken) {
	}

}
