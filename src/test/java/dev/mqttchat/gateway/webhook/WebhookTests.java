package dev.mqttchat.gateway.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Incoming webhooks on the shared test gateway: created, listed and revoked by the room's
 * owner only; a post arrives on MQTT, over STOMP and in history as a bot; the limits, the
 * wrong URLs and bad bodies; and an MQTT client's own {@code "bot": true} is not
 * believed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebhookTests {

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void bridgeIsReady() {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
	}

	@Test
	void onlyTheOwnerTokenCreatesListsAndRevokesWebhooks() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		String path = "/api/rooms/" + room.id() + "/webhooks";

		HttpResponse<String> missing = send("POST", path, null, "{}");
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(missing.body()).contains("Owner token required");
		assertThat(send("POST", path, "not-the-token", "{}").statusCode()).isEqualTo(403);
		assertThat(send("POST", path, TestRooms.create(this.port).ownerToken(), "{}").statusCode()).isEqualTo(403);
		assertThat(send("GET", path, null, null).statusCode()).isEqualTo(401);
		assertThat(send("POST", path, room.ownerToken(), "{\"name\":\"bad\\u200bname\"}").statusCode()).isEqualTo(400);

		HttpResponse<String> created = send("POST", path, room.ownerToken(), "{\"name\":\"CI\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		Map<String, Object> body = map(created.body());
		assertThat(body).containsOnlyKeys("id", "url");
		String url = (String) body.get("url");
		assertThat(url).matches("http://localhost:" + this.port + "/hooks/[A-Za-z0-9_-]{43}");
		assertThat(created.headers().firstValue("Location"))
			.hasValue("http://localhost:" + this.port + path + "/" + body.get("id"));
		String token = url.substring(url.lastIndexOf('/') + 1);
		assertThat(this.jdbc.sql("SELECT token_hash FROM webhook WHERE id = :id")
			.param("id", body.get("id"))
			.query(String.class)
			.single()).matches("[0-9a-f]{64}").isNotEqualTo(token);

		HttpResponse<String> listed = send("GET", path, room.ownerToken(), null);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(token);
		List<Map<String, Object>> hooks = list(listed.body());
		assertThat(hooks).singleElement()
			.satisfies((hook) -> assertThat(hook).containsOnlyKeys("id", "name", "createdAt")
				.containsEntry("id", body.get("id"))
				.containsEntry("name", "CI"));

		assertThat(send("DELETE", path + "/" + body.get("id"), null, null).statusCode()).isEqualTo(401);
		assertThat(send("DELETE", path + "/" + body.get("id"), room.ownerToken(), null).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", path + "/" + body.get("id"), room.ownerToken(), null).statusCode()).isEqualTo(404);
		HttpResponse<String> revoked = post(url, "{\"text\":\"still here?\"}");
		assertThat(revoked.statusCode()).isEqualTo(404);
		assertThat(revoked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void aPostArrivesOnMqttOverStompAndInHistoryAsABot() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		String url = create(room, "CI");
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());

			HttpResponse<String> posted = post(url, "{\"text\":\"Build #42 **passed**\",\"username\":\"CI bot\"}");

			assertThat(posted.statusCode()).isEqualTo(200);
			Map<String, Object> answer = map(posted.body());
			assertThat(answer).containsEntry("ok", true).containsKey("id");
			Map<String, Object> published = map(onTopic.poll(15, TimeUnit.SECONDS).text());
			assertThat(published).containsEntry("bot", true)
				.containsEntry("text", "Build #42 **passed**")
				.containsEntry("username", "CI bot");
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("bot", true)
				.containsEntry("id", answer.get("id"))
				.containsEntry("username", "CI bot")
				.containsEntry("text", "Build #42 **passed**")
				.doesNotContainKey("proof");
			Map<String, Object> stored = history(room).get(0);
			assertThat(stored).containsEntry("bot", true).containsEntry("seq", 1).containsEntry("id", answer.get("id"));

			// Slack's other form, and the webhook's own name when the post gives none.
			HttpResponse<String> form = this.http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("payload=" + URLEncoder.encode("{\"text\":\"deployed\"}", StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(form.statusCode()).isEqualTo(200);
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("bot", true)
				.containsEntry("username", "CI")
				.containsEntry("text", "deployed");
		}
	}

	@Test
	void anMqttClientsOwnBotMarkIsNotBelieved() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		String url = create(room, null);
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());
			BlockingQueue<MqttTestClient.Received> stored = mqtt.subscribe(room.topic() + "/stored");
			assertThat(post(url, "{\"text\":\"real\"}").statusCode()).isEqualTo(200);
			Map<String, Object> real = map(onTopic.poll(15, TimeUnit.SECONDS).text());
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("bot", true).containsEntry("username", "webhook");

			mqtt.publish(room.topic(), "{\"username\":\"CI\",\"text\":\"forged\",\"bot\":true}");
			// A gateway's proof moved to another text holds no more.
			mqtt.publish(room.topic(), "{\"id\":\"copy-1\",\"username\":\"webhook\",\"text\":\"copied\",\"bot\":true,"
					+ "\"proof\":\"" + real.get("proof") + "\"}");

			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("text", "forged").doesNotContainKey("bot");
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("text", "copied").doesNotContainKey("bot");
			assertThat(history(room)).extracting((message) -> message.get("bot")).containsExactly(true, null, null);
			// MQTT clients tell a real bot message from a forged one on the stored topic.
			for (Object bot : new Object[] { true, null, null }) {
				Map<String, Object> entry = map(stored.poll(15, TimeUnit.SECONDS).text());
				assertThat(entry.get("bot")).isEqualTo(bot);
				assertThat(entry).doesNotContainKey("proof");
			}
		}
	}

	@Test
	void aWebhookPostingTooFastIsAnswered429WithRetryAfter() throws Exception {
		String url = create(TestRooms.create(this.port), null);
		HttpResponse<String> response = null;
		for (int i = 0; i < 40 && (response == null || response.statusCode() == 200); i++) {
			response = post(url, "{\"text\":\"tick " + i + "\"}");
		}
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(response.body()).contains("Too many posts");
	}

	@Test
	void wrongUrlsAndBadBodiesAreRefusedWithProblems() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		String url = create(room, null);
		String base = "http://localhost:" + this.port + "/hooks/";
		assertThat(post(base + "A".repeat(43), "{\"text\":\"hi\"}").statusCode()).isEqualTo(404);
		assertThat(post(base + "short", "{\"text\":\"hi\"}").statusCode()).isEqualTo(404);
		assertThat(post(url, "{\"text\": \"unclosed").statusCode()).isEqualTo(400);
		assertThat(post(url, "[\"text\"]").statusCode()).isEqualTo(400);
		assertThat(post(url, "{\"username\":\"CI\"}").body()).contains("\\\"text\\\" is required");
		assertThat(post(url, "{\"text\":\"   \"}").statusCode()).isEqualTo(400);
		assertThat(post(url, "{\"text\":\"" + "x".repeat(4001) + "\"}").statusCode()).isEqualTo(400);
		assertThat(post(url, "{\"text\":\"hi\",\"username\":\"\\u202eevil\"}").statusCode()).isEqualTo(400);
		HttpResponse<String> bad = post(url, "not json");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(history(room)).isEmpty();

		TestRooms.delete(this.port, room);
		assertThat(post(url, "{\"text\":\"hi\"}").statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhook WHERE room_id = :room")
			.param("room", room.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEncryptedRoomHasNoWebhooksAndARoomAtMostTen() throws Exception {
		HttpResponse<String> encrypted = send("POST", "/api/rooms", null, "{\"encrypted\":true}");
		Map<String, Object> sealed = map(encrypted.body());
		HttpResponse<String> refused = send("POST", "/api/rooms/" + sealed.get("id") + "/webhooks",
				(String) sealed.get("ownerToken"), null);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("end-to-end encrypted");

		TestRoom room = TestRooms.create(this.port);
		for (int i = 0; i < 10; i++) {
			create(room, "hook" + i);
		}
		HttpResponse<String> eleventh = send("POST", "/api/rooms/" + room.id() + "/webhooks", room.ownerToken(), null);
		assertThat(eleventh.statusCode()).isEqualTo(409);
		assertThat(eleventh.body()).contains("Too many webhooks");
	}

	private String create(TestRoom room, @Nullable String name) throws Exception {
		HttpResponse<String> created = send("POST", "/api/rooms/" + room.id() + "/webhooks", room.ownerToken(),
				(name != null) ? "{\"name\":\"" + name + "\"}" : null);
		assertThat(created.statusCode()).isEqualTo(201);
		return (String) map(created.body()).get("url");
	}

	private HttpResponse<String> post(String url, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> history(TestRoom room) {
		// Readers get a message once it is stored: history has it by then.
		return this.json.readValue(TestRooms.get(this.port, "/api/rooms/{id}/messages", room.id()), List.class);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> list(String body) {
		return this.json.readValue(body, List.class);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(String body) {
		return this.json.readValue(body, Map.class);
	}

}
