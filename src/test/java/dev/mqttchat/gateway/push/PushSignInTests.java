package dev.mqttchat.gateway.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.auth.OidcGatewayTestBase;
import dev.mqttchat.gateway.testsupport.SignedInSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With sign-in on, a subscription is for the session's name whatever the body says, a
 * members room only for its members, and nobody subscribes without signing in. (The
 * endpoints are FCM's, allowed by default; nothing is said in these rooms, so nothing is
 * sent there.)
 */
class PushSignInTests extends OidcGatewayTestBase {

	private static final String MEMBERS_ROOM = "{\"name\":\"team\",\"access\":\"members\"}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theSessionsNameIsNotifiedAndAMembersRoomOnlyForItsMembers() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		HttpResponse<String> created = alice.send("POST", "/api/rooms", MEMBERS_ROOM);
		String room = String.valueOf(this.json.readValue(created.body(), Map.class).get("id"));
		String endpoint = "https://fcm.googleapis.com/fcm/send/push-sign-in-" + UUID.randomUUID();

		HttpResponse<String> hidden = bob.send("POST", "/api/push/subscriptions", body(endpoint, room));
		HttpResponse<String> registered = alice.send("POST", "/api/push/subscriptions", body(endpoint, room));

		assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
		assertThat(hidden.body()).contains("No such room");
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		assertThat(this.jdbc.sql("SELECT username FROM push_subscription WHERE endpoint = :endpoint")
			.param("endpoint", endpoint)
			.query(String.class)
			.single()).as("not the name in the body").isEqualTo("alice");
		String id = String.valueOf(this.json.readValue(registered.body(), Map.class).get("id"));
		assertThat(alice.send("DELETE", "/api/push/subscriptions/" + id, null).statusCode()).isEqualTo(204);
	}

	@Test
	void nobodySubscribesWithoutSigningIn() throws Exception {
		HttpResponse<String> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/push/key")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private String body(String endpoint, String room) {
		byte[] point = P256.raw((ECPublicKey) P256.generate().getPublic());
		return this.json.writeValueAsString(Map.of("subscription",
				Map.of("endpoint", endpoint, "keys",
						Map.of("p256dh", P256.base64Url(point), "auth", P256.base64Url(new byte[16]))),
				"username", "mallory", "rooms", List.of(Map.of("id", room, "notify", "all"))));
	}

}
