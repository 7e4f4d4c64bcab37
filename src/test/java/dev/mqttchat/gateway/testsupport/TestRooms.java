package dev.mqttchat.gateway.testsupport;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Issues rooms over the real REST API, as a browser or script would: the one way tests
 * create rooms.
 */
public final class TestRooms {

	private TestRooms() {
	}

	/** A new unnamed room on the gateway at {@code localhost:{port}}. */
	public static TestRoom create(int port) {
		return create(port, null);
	}

	/** A new room with the given name, or unnamed. */
	public static TestRoom create(int port, @Nullable String name) {
		TestRoom room = RestClient.create("http://localhost:" + port)
			.post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.body((name != null) ? Map.of("name", name) : Map.of())
			.retrieve()
			.body(TestRoom.class);
		if (room == null) {
			throw new IllegalStateException("POST /api/rooms answered without a body");
		}
		return room;
	}

	/** The body {@code GET {path}} answers, {@code {id}} being {@code roomId}. */
	public static String get(int port, String path, String roomId) {
		return RestClient.create("http://localhost:" + port).get().uri(path, roomId).retrieve().body(String.class);
	}

	/** Deletes {@code room} with its owner token, as its creator would. */
	public static void delete(int port, TestRoom room) {
		RestClient.create("http://localhost:" + port)
			.delete()
			.uri("/api/rooms/{id}", room.id())
			.headers((headers) -> headers.setBearerAuth(room.ownerToken()))
			.retrieve()
			.toBodilessEntity();
	}

	/**
	 * A room as {@code POST /api/rooms} issued it.
	 *
	 * @param id the room id
	 * @param name its name, if any
	 * @param topic its MQTT topic
	 * @param destination where STOMP clients subscribe
	 * @param sendDestination where STOMP clients send
	 * @param createdAt when it was issued, as the API spells it
	 * @param ownerToken the token that deletes it
	 */
	public record TestRoom(String id, @Nullable String name, String topic, String destination, String sendDestination,
			String createdAt, String ownerToken) {
	}

}
