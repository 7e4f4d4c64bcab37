package dev.mqttchat.gateway.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.OidcProvider;
import dev.mqttchat.gateway.testsupport.RawWebSocket;
import dev.mqttchat.gateway.testsupport.SignedInSession;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-in through a real OpenID provider: the name comes from its token, never from what
 * a client types, and nothing answers without a signed-in session or a bearer token of
 * the same issuer and audience.
 */
class OidcSignInTests extends OidcGatewayTestBase {

	@LocalServerPort
	int port;

	@Test
	void theNameComesFromTheProvidersToken() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");

		assertThat(alice.get("/api/me").body()).contains("\"username\":\"alice\"", "\"authMode\":\"oidc\"");
	}

	@Test
	void aVerifiedEmailNamesSomeoneWithoutAUsernameAndAnUnverifiedOneNever() throws Exception {
		SignedInSession dave = SignedInSession.signIn(this.port, "dave");
		HttpResponse<String> carol = SignedInSession.attemptSignIn(this.port, "carol");

		assertThat(dave.get("/api/me").body()).contains("\"username\":\"dave@example.test\"");
		assertThat(carol.statusCode()).isEqualTo(403);
		assertThat(carol.uri().getPath()).isEqualTo("/signin-failed");
		assertThat(carol.body()).contains("Sign-in refused", "no usable name", "no verified email");
	}

	@Test
	void restWithoutASessionIsRefusedWithAProblem() throws Exception {
		HttpResponse<String> rooms = plain("GET", "/api/rooms", null);
		HttpResponse<String> create = plain("POST", "/api/rooms", "{}");
		HttpResponse<String> me = plain("GET", "/api/me", null);

		assertThat(rooms.statusCode()).isEqualTo(401);
		assertThat(rooms.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(rooms.body()).contains("\"signIn\":\"/oauth2/authorization/oidc\"");
		assertThat(create.statusCode()).isIn(401, 403);
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.body()).contains("\"authMode\":\"oidc\"", "\"guests\":false");
	}

	@Test
	void writesThroughTheSessionNeedTheCookieCsrfToken() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		HttpRequest forged = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/rooms"))
			.header("Cookie", alice.cookieHeader().replaceAll("XSRF-TOKEN=[^;]*;? ?", ""))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();

		assertThat(HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(403);
		assertThat(alice.send("POST", "/api/rooms", "{}").statusCode()).isEqualTo(201);
	}

	@Test
	void aBearerTokenCountsOnlyFromTheSameIssuerAndForThisGateway() throws Exception {
		OidcProvider provider = OidcProvider.shared();
		String ours = provider.clientToken(OidcProvider.CLIENT_ID);
		String otherAudience = provider.clientToken(OidcProvider.OTHER_CLIENT_ID);
		String otherIssuer;
		try (OidcProvider other = OidcProvider.start()) {
			otherIssuer = other.clientToken(OidcProvider.CLIENT_ID);
		}

		assertThat(bearer("/api/me", ours).body()).contains("\"username\":\"ci-bot\"");
		assertThat(bearer("/api/rooms", ours).statusCode()).isEqualTo(200);
		assertThat(bearer("/api/rooms", otherAudience).statusCode()).isEqualTo(401);
		assertThat(bearer("/api/rooms", otherIssuer).statusCode()).isEqualTo(401);
		assertThat(bearer("/api/rooms", otherIssuer).headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("invalid_token"));
	}

	@Test
	void aStompConnectWithoutASignedInSessionIsRefused() throws Exception {
		try (RawWebSocket socket = RawWebSocket.open(this.port, Map.of())) {
			socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nusername:mallory\n\n\u0000");

			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("ERROR").contains("message:Sign in first");
		}
	}

	@Test
	void aSignedInPageSpeaksUnderItsSignedInNameWhateverItTypes() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		String room = roomId(alice);
		try (StompTestClient page = StompTestClient.connectWithCookie(this.port, alice.cookieHeader(), "mallory")) {
			BlockingQueue<Map<String, Object>> errors = page.subscribe("/user/queue/errors");
			BlockingQueue<Map<String, Object>> messages = page.subscribe("/topic/rooms/" + room);
			page.send("/app/rooms/" + room, Map.of("text", "hello"));
			page.send("/app/rooms/" + room, Map.of("username", "mallory", "text", "pretending"));

			Map<String, Object> first = messages.poll(10, TimeUnit.SECONDS);
			assertThat(first).containsEntry("username", "alice").containsEntry("text", "hello");
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "username-mismatch");
			assertThat(alice.get("/api/rooms/" + room + "/messages").body()).contains("\"username\":\"alice\"")
				.doesNotContain("mallory");
		}
	}

	@Test
	void signingOutEndsTheSessionsWebSockets() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		String room = roomId(alice);
		StompTestClient page = StompTestClient.connectWithCookie(this.port, alice.cookieHeader(), "alice");
		page.subscribe("/topic/rooms/" + room);

		assertThat(alice.send("POST", "/logout", null).statusCode()).isEqualTo(204);

		await().atMost(Duration.ofSeconds(10)).until(() -> !page.isConnected());
		assertThat(alice.get("/api/me").statusCode()).isEqualTo(401);
		page.close();
	}

	@Test
	void theSessionCookieIsHttpOnlyLaxAndSecureBehindHttps() throws Exception {
		HttpRequest start = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/oauth2/authorization/oidc"))
			.header("X-Forwarded-Proto", "https")
			.GET()
			.build();
		String cookie = HttpClient.newHttpClient()
			.send(start, HttpResponse.BodyHandlers.discarding())
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();

		assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Secure");
	}

	private String roomId(SignedInSession session) throws Exception {
		HttpResponse<String> created = session.send("POST", "/api/rooms", "{}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.body().replaceAll(".*\"id\":\"([A-Za-z0-9]+)\".*", "$1");
	}

	private HttpResponse<String> plain(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json");
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> bearer(String path, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
