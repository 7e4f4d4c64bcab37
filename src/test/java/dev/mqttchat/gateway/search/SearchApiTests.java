package dev.mqttchat.gateway.search;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestDatabases;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Searching history over REST, on H2 (this shared context) and on the PostgreSQL that
 * {@code CHAT_TEST_POSTGRES_URL} names (one more gateway, started once): words by prefix,
 * newest first, paged by {@code next}, marked snippets, deleted and edited messages, bad
 * input and encrypted rooms.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SearchApiTests {

	private static @Nullable ConfigurableApplicationContext postgres;

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	BrokerEndpoint broker;

	@BeforeEach
	void waitForTheBridge() {
		await().atMost(Duration.ofSeconds(15)).until(() -> this.links.bridgeReady());
	}

	@AfterAll
	static void stopPostgresGateway() {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void findsWordsByPrefixNewestFirstWithMarkedSnippets(String database) throws Exception {
		int port = port(database);
		TestRoom room = TestRooms.create(port);
		TestRoom other = TestRooms.create(port);
		send(port, other, "deploy elsewhere");
		send(port, room, "Deploy the *new* build_42 [now]", "nothing to see", "deployment failed: see `logs`",
				"DEPLOYED", "we redeploy tomorrow");

		Map<String, Object> found = search(port, room, "q=deploy");

		assertThat(hits(found)).extracting((hit) -> hit.get("snippet"))
			.containsExactly("**DEPLOYED**", "**deployment** failed: see \\`logs\\`",
					"**Deploy** the \\*new\\* build\\_42 \\[now\\]");
		assertThat(hits(found)).extracting((hit) -> hit.get("seq")).containsExactly(4, 3, 1);
		assertThat(hits(found).get(0)).containsEntry("username", "ada").containsKeys("id", "sentAt");
		assertThat(found.get("next")).isNull();
		assertThat(hits(search(port, room, "q=DEPLOY+fail"))).extracting((hit) -> hit.get("seq")).containsExactly(3);
		assertThat(hits(search(port, room, "q=ploy"))).as("words are matched from their start").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void pagesNewestFirstByNext(String database) throws Exception {
		int port = port(database);
		TestRoom room = TestRooms.create(port);
		List<String> texts = new ArrayList<>();
		for (int i = 1; i <= 25; i++) {
			texts.add((i % 5 == 0) ? "unrelated " + i : "alpha number " + i);
		}
		send(port, room, texts.toArray(String[]::new));

		List<Object> seqs = new ArrayList<>();
		List<Object> nexts = new ArrayList<>();
		Object next = null;
		do {
			Map<String, Object> page = search(port, room, "q=alpha&limit=8" + ((next != null) ? "&next=" + next : ""));
			hits(page).forEach((hit) -> seqs.add(hit.get("seq")));
			next = page.get("next");
			nexts.add(next);
		}
		while (next != null);

		assertThat(seqs).containsExactly(24, 23, 22, 21, 19, 18, 17, 16, 14, 13, 12, 11, 9, 8, 7, 6, 4, 3, 2, 1);
		assertThat(nexts).containsExactly(16, 6, null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void findsEditedMessagesByTheirCurrentTextAndDeletedOnesNotAtAll(String database) throws Exception {
		int port = port(database);
		TestRoom room = TestRooms.create(port);
		AuthorKey key = AuthorKey.generate();
		String draft;
		try (StompTestClient ada = StompTestClient.connect(port, "ada")) {
			BlockingQueue<Map<String, Object>> inbox = ada.subscribe(room.destination());
			ada.send(room.sendDestination(), key.sign(room.id(), entry("m-1", "message", null, "secret plan")));
			String secret = (String) inbox.poll(15, TimeUnit.SECONDS).get("id");
			ada.send(room.sendDestination(), key.sign(room.id(), entry("m-2", "message", null, "first draft")));
			draft = (String) inbox.poll(15, TimeUnit.SECONDS).get("id");
			ada.send(room.sendDestination(), key.sign(room.id(), entry("m-3", "delete", secret, null)));
			ada.send(room.sendDestination(), key.sign(room.id(), entry("m-4", "edit", draft, "final version")));
			assertThat(inbox.poll(15, TimeUnit.SECONDS)).isNotNull();
			assertThat(inbox.poll(15, TimeUnit.SECONDS)).isNotNull();
		}

		assertThat(hits(search(port, room, "q=secret"))).isEmpty();
		assertThat(hits(search(port, room, "q=draft"))).isEmpty();
		assertThat(hits(search(port, room, "q=final"))).singleElement()
			.satisfies((hit) -> assertThat(hit).containsEntry("id", draft)
				.containsEntry("seq", 2)
				.containsEntry("snippet", "**final** version"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "q=", "q=%20%20", "q=%3F%21", "next=abc&q=a", "next=0&q=a", "limit=0&q=a", "limit=51&q=a",
			"limit=x&q=a", "" })
	void badInputIsAProblem400ThatSaysWhatIsWrong(String query) {
		TestRoom room = TestRooms.create(this.port);

		ResponseEntity<String> answer = get(this.port, "/api/rooms/" + room.id() + "/search?" + query);

		assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody()).as(query).containsPattern("\"detail\":\"(q |next |limit |Required parameter 'q')");
	}

	@Test
	void tooLongAQueryIsAProblem400() {
		TestRoom room = TestRooms.create(this.port);

		ResponseEntity<String> answer = get(this.port, "/api/rooms/" + room.id() + "/search?q=" + "a".repeat(201));

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody()).contains("q is longer than 200 characters");
	}

	@Test
	void anEncryptedRoomIsRefusedWith409() {
		Map<?, ?> room = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("encrypted", true))
			.retrieve()
			.body(Map.class);

		ResponseEntity<String> answer = get(this.port, "/api/rooms/" + room.get("id") + "/search?q=hello");

		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(answer.getBody()).contains("Encrypted room").contains("end-to-end encrypted");
	}

	@Test
	void thePostgresqlSearchIndexTakesEachMessageAtOnce() {
		port("postgresql");
		// GIN's pending list, merged by whichever insert finds it full, stalled storing
		// for hundreds of milliseconds under load.
		String options = Objects.requireNonNull(postgres)
			.getBean(JdbcClient.class)
			.sql("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'message_text_search' "
					+ "AND relnamespace = current_schema()::regnamespace")
			.query(String.class)
			.single();
		assertThat(options).contains("fastupdate=off");
	}

	@Test
	void aRoomThatIsNotThereIs404() {
		assertThat(get(this.port, "/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/search?q=a").getStatusCode().value())
			.isEqualTo(404);
	}

	private int port(String database) {
		if ("h2".equals(database)) {
			return this.port;
		}
		String url = System.getenv("CHAT_TEST_POSTGRES_URL");
		assumeTrue(url != null && !url.isBlank(), "CHAT_TEST_POSTGRES_URL is not set: PostgreSQL search skipped");
		if (postgres == null) {
			ConfigurableApplicationContext gateway = TestGateway.start(TestDatabases.postgres(url));
			await().atMost(Duration.ofSeconds(15)).until(() -> gateway.getBean(MqttLinkMonitor.class).bridgeReady());
			postgres = gateway;
		}
		return TestGateway.port(postgres);
	}

	/**
	 * Sends {@code texts} as ada over MQTT (no send rate limit) and waits until stored.
	 */
	private void send(int port, TestRoom room, String... texts) throws Exception {
		ConfigurableApplicationContext gateway = (port == this.port) ? null : postgres;
		String broker = (gateway != null) ? gateway.getBean(BrokerEndpoint.class).url() : this.broker.url();
		try (MqttTestClient mqtt = MqttTestClient.connect(broker)) {
			for (String text : texts) {
				mqtt.publish(room.topic(), "ada (cli): " + text);
			}
		}
		await().atMost(Duration.ofSeconds(15))
			.until(() -> RestClient.create("http://localhost:" + port)
				.get()
				.uri("/api/rooms/" + room.id() + "/messages?limit=200")
				.retrieve()
				.body(List.class)
				.size() == texts.length);
	}

	private static Map<String, Object> entry(String clientMsgId, String type, @Nullable String target,
			@Nullable String text) {
		Map<String, Object> body = new HashMap<>(Map.of("username", "ada", "clientMsgId", clientMsgId, "type", type));
		if (target != null) {
			body.put("target", target);
		}
		if (text != null) {
			body.put("text", text);
		}
		return body;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> search(int port, TestRoom room, String query) {
		return RestClient.create("http://localhost:" + port)
			.get()
			.uri(URI.create("http://localhost:" + port + "/api/rooms/" + room.id() + "/search?" + query))
			.retrieve()
			.body(Map.class);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> hits(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("hits");
	}

	private static ResponseEntity<String> get(int port, String path) {
		return RestClient.create("http://localhost:" + port)
			.get()
			.uri(URI.create("http://localhost:" + port + path))
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

}
