package dev.mqttchat.gateway.room;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a room's creator, holding the owner token returned once by {@code POST}, may
 * delete it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RoomOwnershipTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void onlyTheOwnerTokenDeletesARoomAndItsHistory() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		String token = room.ownerToken();
		assertThat(token).hasSizeGreaterThanOrEqualTo(40);

		HttpResponse<String> anonymous = delete(room, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(delete(room, "Bearer not-the-token").statusCode()).isEqualTo(403);
		assertThat(delete(room, "Basic " + token).statusCode()).isEqualTo(401);
		assertThat(get("/api/rooms/" + room.id()).statusCode()).isEqualTo(200);

		assertThat(delete(room, "Bearer " + token).statusCode()).isEqualTo(204);

		assertThat(get("/api/rooms/" + room.id()).statusCode()).isEqualTo(404);
		assertThat(get("/api/rooms/" + room.id() + "/messages").statusCode()).isEqualTo(404);
		assertThat(get("/rooms/" + room.id()).statusCode()).isEqualTo(404);
		assertThat(delete(room, "Bearer " + token).statusCode()).isEqualTo(404);
	}

	@Test
	void theOwnerTokenIsShownOnlyAtCreation() throws Exception {
		TestRoom room = TestRooms.create(this.port);

		assertThat(get("/api/rooms/" + room.id()).body()).doesNotContain("ownerToken")
			.doesNotContain(room.ownerToken());
	}

	private HttpResponse<String> delete(TestRoom room, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/rooms/" + room.id()))
			.DELETE();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
