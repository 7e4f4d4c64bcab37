package dev.mqttchat.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile room ids at every entry point: MQTT wildcards, separators, $SYS, NUL,
 * look-alikes, encodings, length.
 */
@GatewayUnderAttack
class RoomIdAttackTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void hostileIdsGet400Or404OnRestAndPagePaths() throws Exception {
		String issued = TestRooms.create(this.port).id();
		for (String path : List.of("/api/rooms/", "/rooms/")) {
			for (String id : hostileIds(issued)) {
				int status = get(path + id);
				assertThat(status).as("%s%s", path, id).isIn(400, 404);
			}
			assertThat(get(path + issued)).as("the literal id still works").isEqualTo(200);
		}
	}

	@Test
	void hostileIdsInStompDestinationsGetAnError() throws Exception {
		String issued = TestRooms.create(this.port).id();
		try (StompTestClient client = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> errors = client.subscribe("/user/queue/errors");
			List<String> ids = new ArrayList<>(hostileIds(issued));
			ids.addAll(List.of("#", "+", issued + "/#", "$SYS/broker", issued.substring(1) + "\u0410",
					issued.substring(1) + "\u0000"));
			for (String id : ids) {
				BlockingQueue<Map<String, Object>> room = client.subscribe("/topic/rooms/" + id);
				assertThat(errors.poll(10, TimeUnit.SECONDS)).as(id).containsEntry("code", "subscription-refused");
				client.send("/app/rooms/" + id, Map.of("username", "ada", "text", "x"));
				assertThat(errors.poll(10, TimeUnit.SECONDS)).as(id)
					.hasEntrySatisfying("code", (code) -> assertThat(code).isIn("send-refused", "unknown-room"));
				assertThat(room).isEmpty();
			}
		}
	}

	private static List<String> hostileIds(String issued) {
		String head = issued.substring(0, issued.length() - 1);
		String encodedFirst = "%" + Integer.toHexString(issued.charAt(0)).toUpperCase() + issued.substring(1);
		return List.of(head + "%23", head + "%2B", head + "%2F", "%24SYS" + issued.substring(4), head + "%00",
				head + "%D0%90", head + "%EF%BC%A1", encodedFirst, issued + "A", issued + issued,
				issued.substring(0, 10), "%2E%2E%2F" + issued,
				issued.toLowerCase().equals(issued) ? issued.toUpperCase() : issued.toLowerCase());
	}

	private int get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
