package dev.mqttchat.gateway.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.SignedInSession;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code CHAT_AUTH_GUESTS=true}, people who are not signed in open link rooms under
 * a typed name marked as a guest's, and still cannot create rooms.
 */
@TestPropertySource(properties = "chat.auth.guests=true")
class OidcGuestTests extends OidcGatewayTestBase {

	@LocalServerPort
	int port;

	@Test
	void aGuestOpensALinkRoomUnderAMarkedName() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		HttpResponse<String> created = alice.send("POST", "/api/rooms", "{}");
		String room = created.body().replaceAll(".*\"id\":\"([A-Za-z0-9]+)\".*", "$1");

		assertThat(anonymous("GET", "/api/rooms/" + room).statusCode()).isEqualTo(200);
		assertThat(anonymous("GET", "/api/rooms/" + room + "/messages").statusCode()).isEqualTo(200);
		try (StompTestClient guest = StompTestClient.connect(this.port, "bob")) {
			BlockingQueue<Map<String, Object>> messages = guest.subscribe("/topic/rooms/" + room);
			guest.send("/app/rooms/" + room, Map.of("text", "hi from outside"));

			assertThat(messages.poll(10, TimeUnit.SECONDS)).containsEntry("username", "bob (guest)");
		}
	}

	@Test
	void aMembersRoomDoesNotExistForAGuest() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		String room = SignedInRooms.create(alice, "{\"access\":\"members\"}");

		assertThat(anonymous("GET", "/api/rooms/" + room).statusCode()).isEqualTo(404);
		assertThat(anonymous("GET", "/api/rooms/" + room + "/messages").statusCode()).isEqualTo(404);
		try (StompTestClient guest = StompTestClient.connect(this.port, "alice")) {
			BlockingQueue<Map<String, Object>> errors = guest.subscribe("/user/queue/errors");
			guest.subscribe("/topic/rooms/" + room);

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "unknown-room");
		}
	}

	@Test
	void aGuestCannotCreateRoomsOrSeeTheListOrPassForASignedInName() throws Exception {
		assertThat(anonymous("POST", "/api/rooms").statusCode()).isIn(401, 403);
		assertThat(anonymous("GET", "/api/rooms").statusCode()).isEqualTo(401);
		assertThat(anonymous("GET", "/api/me").body()).contains("\"guests\":true");
	}

	private HttpResponse<String> anonymous(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.ofString("{}"))
			.header("Content-Type", "application/json")
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
