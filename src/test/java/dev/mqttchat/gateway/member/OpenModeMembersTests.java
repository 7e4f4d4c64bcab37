package dev.mqttchat.gateway.member;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open mode has no members: members rooms and the members endpoints answer {@code 400}
 * problems, every room is a link room, and moderation frames are refused as before.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenModeMembersTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void membersRoomsAndMembersNeedSignIn() throws Exception {
		String room = TestRooms.create(this.port).id();

		assertThat(send("POST", "/api/rooms", "{\"access\":\"members\"}").statusCode()).isEqualTo(400);
		assertThat(send("POST", "/api/rooms", "{\"access\":\"everyone\"}").statusCode()).isEqualTo(400);
		HttpResponse<String> members = send("GET", "/api/rooms/" + room + "/members", null);
		assertThat(members.statusCode()).isEqualTo(400);
		assertThat(members.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(send("PUT", "/api/rooms/" + room + "/members/ada", "{\"role\":\"member\"}").statusCode())
			.isEqualTo(400);
		assertThat(send("DELETE", "/api/rooms/" + room + "/members/ada", null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/rooms/mine", null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/rooms/" + room, null).body()).contains("\"access\":\"link\"");
	}

	@Test
	void moderationFramesAreRefusedAsBefore() throws Exception {
		String room = TestRooms.create(this.port).id();
		try (StompTestClient client = StompTestClient.connect(this.port, "ada")) {
			BlockingQueue<Map<String, Object>> errors = client.subscribe("/user/queue/errors");
			client.subscribe("/topic/rooms/" + room);

			client.send("/app/rooms/" + room, Map.of("type", "mute", "target", "bob", "minutes", 5));
			client.send("/app/rooms/" + room, Map.of("type", "delete", "target", "some-message"));

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "invalid-type");
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "signature-required");
		}
	}

	private HttpResponse<String> send(String method, String path, @Nullable String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
