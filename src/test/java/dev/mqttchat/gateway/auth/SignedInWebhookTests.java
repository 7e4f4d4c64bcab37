package dev.mqttchat.gateway.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.SignedInSession;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Incoming webhooks in {@code oidc} mode: a members room's owner manages them by sign-in,
 * a member may not, and a job with neither session nor CSRF token posts on the URL.
 */
class SignedInWebhookTests extends OidcGatewayTestBase {

	@LocalServerPort
	int port;

	@Test
	void theSignedInOwnerCreatesAWebhookThatAJobWithoutSessionPostsTo() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, "{\"access\":\"members\"}");
		SignedInRooms.put(alice, room, "bob", "member");

		assertThat(bob.send("POST", "/api/rooms/" + room + "/webhooks", "{}").statusCode()).isEqualTo(401);
		HttpResponse<String> created = alice.send("POST", "/api/rooms/" + room + "/webhooks", "{\"name\":\"CI\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String url = String.valueOf(SignedInRooms.json(created.body()).get("url"));
		assertThat(SignedInRooms.list(alice.get("/api/rooms/" + room + "/webhooks").body())).singleElement()
			.satisfies((hook) -> assertThat(hook).containsEntry("name", "CI"));

		HttpResponse<String> posted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Build #42 **passed**\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		List<Map<String, Object>> history = await().atMost(Duration.ofSeconds(15))
			.until(() -> SignedInRooms.list(bob.get("/api/rooms/" + room + "/messages").body()),
					(messages) -> !messages.isEmpty());
		assertThat(history).singleElement()
			.satisfies((message) -> assertThat(message).containsEntry("bot", true)
				.containsEntry("username", "CI")
				.containsEntry("text", "Build #42 **passed**"));
	}

}
