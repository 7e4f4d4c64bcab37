package dev.mqttchat.gateway.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Presence by name and proven author key, with real STOMP clients that prove Ed25519 keys
 * over the embedded broker (the context of {@link EmbeddedBrokerPresenceTests}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KeyedPresenceTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<AutoCloseable> clients = new ArrayList<>();

	private final RoomApi api = new RoomApi();

	@BeforeEach
	void setUp() {
		await().atMost(TIMEOUT).until(() -> this.links.allUp());
		this.api.port = this.port;
	}

	@AfterEach
	void closeClients() throws Exception {
		for (AutoCloseable client : this.clients) {
			client.close();
		}
	}

	@Test
	void twoAlicesWithDifferentProvenKeysAreTwoPeopleEverywhere() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		BlockingQueue<Map<String, Object>> events = stomp("watcher").subscribe(room.destination() + "/presence");
		assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "roster");
		AuthorKey first = AuthorKey.generate();
		AuthorKey second = AuthorKey.generate();
		StompTestClient firstAlice = stomp("alice");
		StompTestClient secondAlice = stomp("alice");

		assertThat(prove(firstAlice, first)).containsEntry("proven", true).containsEntry("author", first.author());
		assertThat(prove(secondAlice, second)).containsEntry("proven", true).containsEntry("author", second.author());
		firstAlice.subscribe(room.destination());
		secondAlice.subscribe(room.destination());

		assertThat(List.of(events.poll(15, TimeUnit.SECONDS), events.poll(15, TimeUnit.SECONDS)))
			.extracting((event) -> event.get("type"), (event) -> event.get("username"), (event) -> event.get("author"))
			.containsExactlyInAnyOrder(tuple("join", "alice", first.author()), tuple("join", "alice", second.author()));
		await().atMost(TIMEOUT).until(() -> this.api.presence(room.id()), (members) -> members.size() == 2);
		assertThat(this.api.presence(room.id()))
			.extracting((member) -> member.get("username"), (member) -> member.get("author"))
			.containsExactlyInAnyOrder(tuple("alice", first.author()), tuple("alice", second.author()));
		MqttTestClient mqtt = MqttTestClient.connect(this.broker.url());
		this.clients.add(mqtt);
		BlockingQueue<MqttTestClient.Received> entries = mqtt.subscribe(room.topic() + "/presence/#");
		List<Object> retained = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			MqttTestClient.Received entry = entries.poll(15, TimeUnit.SECONDS);
			assertThat(entry).as("two retained entries, one per key; got %s", retained).isNotNull();
			retained.add(this.json.readValue(entry.text(), Map.class).get("author"));
		}
		assertThat(retained).containsExactlyInAnyOrder(first.author(), second.author());
		BlockingQueue<Map<String, Object>> roster = stomp("bob").subscribe(room.destination() + "/presence");
		assertThat((List<?>) roster.poll(15, TimeUnit.SECONDS).get("members")).hasSize(2);

		firstAlice.close();

		assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "leave")
			.containsEntry("username", "alice")
			.containsEntry("author", first.author());
		assertThat(this.api.presence(room.id())).singleElement()
			.satisfies((member) -> assertThat(member).containsEntry("author", second.author()));
	}

	@Test
	void aForgedOrReplayedProofGivesNoKeyAndAClearError() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		AuthorKey victim = AuthorKey.generate();
		AuthorKey forger = AuthorKey.generate();
		StompTestClient mallory = stomp("alice");
		BlockingQueue<Map<String, Object>> errors = mallory.subscribe(StompDestinations.ERROR_QUEUE);
		StompTestClient honest = stomp("alice");

		// The victim's key claimed, signed by another key.
		String nonce = challenge(mallory);
		Map<String, Object> forged = answer(mallory, victim.author(), forger.proof(nonce));
		// A proof the victim gave in its own session, replayed in another.
		String victimNonce = challenge(honest);
		String replayed = victim.proof(victimNonce);
		challenge(mallory);
		Map<String, Object> replay = answer(mallory, victim.author(), replayed);
		// No challenge asked: nothing to answer.
		Map<String, Object> unasked = answer(mallory, victim.author(), replayed);

		assertThat(List.of(forged, replay, unasked))
			.allSatisfy((reply) -> assertThat(reply).containsEntry("proven", false).doesNotContainKey("author"));
		for (int i = 0; i < 3; i++) {
			assertThat(errors.poll(15, TimeUnit.SECONDS)).as("refusal %d", i + 1)
				.containsEntry("code", "invalid-key-proof");
		}
		assertThat(mallory.isConnected()).isTrue();
		mallory.subscribe(room.destination());
		await().atMost(TIMEOUT).until(() -> this.api.presence(room.id()), (members) -> members.size() == 1);
		assertThat(this.api.presence(room.id()).get(0)).containsEntry("username", "alice").doesNotContainKey("author");
	}

	@Test
	void anMqttClientClaimingAKeyShowsWithout() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		MqttTestClient eve = MqttTestClient.connect(this.broker.url());
		this.clients.add(eve);

		eve.publishRetained(room.topic() + "/presence/eve-laptop",
				"{\"username\":\"eve\",\"status\":\"online\",\"author\":\"" + AuthorKey.generate().author() + "\"}");

		await().atMost(TIMEOUT).until(() -> this.api.presence(room.id()), (members) -> members.size() == 1);
		assertThat(this.api.presence(room.id()).get(0)).containsEntry("username", "eve")
			.containsEntry("source", "mqtt")
			.doesNotContainKey("author");
		eve.publishRetained(room.topic() + "/presence/eve-laptop", "");
	}

	private Map<String, Object> prove(StompTestClient client, AuthorKey key) throws Exception {
		return answer(client, key.author(), key.proof(challenge(client)));
	}

	private static String challenge(StompTestClient client) throws Exception {
		Map<String, Object> challenge = client.subscribe(StompDestinations.KEY_CHALLENGE).poll(15, TimeUnit.SECONDS);
		assertThat(challenge).as("the challenge's answer").containsEntry("version", "mqtt-chat-key/1");
		return (String) challenge.get("nonce");
	}

	private static Map<String, Object> answer(StompTestClient client, String author, String sig) throws Exception {
		Map<String, Object> answer = client.subscribe(StompDestinations.KEY_PROOF, Map.of("author", author, "sig", sig))
			.poll(15, TimeUnit.SECONDS);
		assertThat(answer).as("the proof's answer").isNotNull();
		return answer;
	}

	private StompTestClient stomp(String username) throws Exception {
		StompTestClient client = StompTestClient.connect(this.port, username);
		this.clients.add(client);
		return client;
	}

}
