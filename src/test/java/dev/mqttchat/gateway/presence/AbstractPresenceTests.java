package dev.mqttchat.gateway.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Presence, typing and read markers with real STOMP clients and a real Paho client on the
 * documented topics; subclasses choose the broker.
 */
abstract class AbstractPresenceTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	SimpleBrokerMessageHandler simpleBroker;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<AutoCloseable> clients = new ArrayList<>();

	private final RoomApi api = new RoomApi();

	private MqttTestClient mqtt;

	@BeforeEach
	void connectMqtt() throws Exception {
		await().atMost(TIMEOUT).until(() -> this.links.allUp());
		this.mqtt = MqttTestClient.connect(this.broker.url());
		this.clients.add(this.mqtt);
		this.api.port = this.port;
	}

	@AfterEach
	void closeClients() throws Exception {
		for (AutoCloseable client : this.clients) {
			client.close();
		}
	}

	@Test
	void webUserIsInTheRosterForRestStompAndMqttClients() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		stomp("alice").subscribe(room.destination());

		await().atMost(TIMEOUT).until(() -> this.api.presence(room.id()), (members) -> members.size() == 1);
		assertThat(this.api.presence(room.id()).get(0)).containsEntry("username", "alice")
			.containsEntry("source", "web")
			.containsKey("since");
		BlockingQueue<MqttTestClient.Received> onMqtt = this.mqtt.subscribe(room.topic() + "/presence/#");
		MqttTestClient.Received announced = onMqtt.poll(15, TimeUnit.SECONDS);
		// Subscribed after the announcement, so it is the retained entry (Moquette 0.17
		// delivers retained messages without the retain flag, so the flag is not asked).
		assertThat(announced).as("a web user's entry is retained for later subscribers").isNotNull();
		assertThat(this.json.readValue(announced.text(), Map.class)).containsEntry("username", "alice")
			.containsEntry("status", "online")
			.containsEntry("source", "web");
		BlockingQueue<Map<String, Object>> roster = stomp("bob").subscribe(presence(room));
		Map<String, Object> first = roster.poll(15, TimeUnit.SECONDS);
		assertThat(first).containsEntry("type", "roster");
		assertThat((List<Object>) first.get("members"))
			.extracting((member) -> (Object) ((Map<?, ?>) member).get("username"))
			.containsExactly("alice");
	}

	@Test
	void severalTabsOfOneUserAreOneEntryThatLeavesWithTheLastTab() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		BlockingQueue<Map<String, Object>> events = watch(room);
		StompTestClient firstTab = stomp("alice");
		StompTestClient secondTab = stomp("alice");

		firstTab.subscribe(room.destination());
		assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "join")
			.containsEntry("username", "alice")
			.containsEntry("source", "web");
		secondTab.subscribe(room.destination());
		BrokerSubscriptions.await(this.simpleBroker, room.destination(), 2);
		firstTab.close();

		assertThat(events.poll(2, TimeUnit.SECONDS)).as("no second join, and no leave while a tab is open").isNull();
		assertThat(this.api.presence(room.id())).extracting((member) -> member.get("username"))
			.containsExactly("alice");
		secondTab.close();
		assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "leave").containsEntry("username", "alice");
		assertThat(this.api.presence(room.id())).isEmpty();
	}

	@Test
	void mqttClientWithAWillJoinsAndLeavesWhenItsConnectionIsCut() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		BlockingQueue<Map<String, Object>> events = watch(room);
		String presenceTopic = room.topic() + "/presence/eve-laptop";
		MqttTestClient eve = MqttTestClient.connectWithWill(this.broker.url(), "eve-laptop", presenceTopic,
				"{\"status\":\"offline\"}", 5);
		this.clients.add(eve);

		eve.publishRetained(presenceTopic, "{\"username\":\"eve\",\"status\":\"online\"}");

		assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "join")
			.containsEntry("username", "eve")
			.containsEntry("source", "mqtt");
		assertThat(this.api.presence(room.id())).singleElement()
			.satisfies((member) -> assertThat(member).containsEntry("username", "eve").containsEntry("source", "mqtt"));
		eve.cut();
		assertThat(events.poll(15, TimeUnit.SECONDS)).as("the broker publishes eve's will when her socket closes")
			.containsEntry("type", "leave")
			.containsEntry("username", "eve");
		assertThat(this.api.presence(room.id())).isEmpty();
		// A watcher that subscribes later sees her gone (the will, or nothing), never
		// her "online".
		BlockingQueue<MqttTestClient.Received> later = this.mqtt.subscribe(room.topic() + "/presence/#");
		await().during(Duration.ofSeconds(1))
			.atMost(TIMEOUT)
			.until(() -> later.stream().noneMatch((seen) -> seen.text().contains("online")));
	}

	@Test
	void typingTravelsFromWebToMqttAndBack() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		BlockingQueue<MqttTestClient.Received> onMqtt = this.mqtt.subscribe(room.topic() + "/typing");
		BlockingQueue<Map<String, Object>> typing = stomp("bob").subscribe(room.destination() + "/typing");
		BrokerSubscriptions.await(this.simpleBroker, room.destination() + "/typing", 1);
		StompTestClient alice = stomp("alice");

		alice.send(room.sendDestination() + "/typing", Map.of());

		MqttTestClient.Received published = onMqtt.poll(15, TimeUnit.SECONDS);
		assertThat(published).isNotNull();
		assertThat(published.retained()).isFalse();
		assertThat(this.json.readValue(published.text(), Map.class)).containsEntry("username", "alice")
			.containsEntry("source", "web");
		assertThat(typing.poll(15, TimeUnit.SECONDS)).containsEntry("username", "alice").containsEntry("source", "web");
		this.mqtt.publishAtMostOnce(room.topic() + "/typing", "{\"username\":\"eve\"}");
		assertThat(typing.poll(15, TimeUnit.SECONDS)).containsEntry("username", "eve").containsEntry("source", "mqtt");
	}

	@Test
	void aTypingFloodFromMqttReachesBrowsersOnlyNowAndThen() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		BlockingQueue<Map<String, Object>> typing = stomp("bob").subscribe(room.destination() + "/typing");
		BrokerSubscriptions.await(this.simpleBroker, room.destination() + "/typing", 1);
		long started = System.nanoTime();

		for (int i = 0; i < 50; i++) {
			this.mqtt.publishAtMostOnce(room.topic() + "/typing", "{\"username\":\"eve\"}");
		}
		this.mqtt.publishAtMostOnce(room.topic() + "/typing", "{\"username\":\"zed\"}");

		List<Object> seen = new ArrayList<>();
		await().atMost(TIMEOUT).until(() -> {
			Map<String, Object> notice = typing.poll(1, TimeUnit.SECONDS);
			if (notice != null) {
				seen.add(notice.get("username"));
			}
			return seen.contains("zed");
		});
		long seconds = 1 + Duration.ofNanos(System.nanoTime() - started).toSeconds();
		assertThat(seen.stream().filter("eve"::equals).count())
			.as("of 50 typing signals in %d s, browsers got %s", seconds, seen)
			.isBetween(1L, seconds + 1);
	}

	@Test
	void readMarkersReachReadersTheApiAndMqtt() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		StompTestClient alice = stomp("alice");
		BlockingQueue<Map<String, Object>> messages = alice.subscribe(room.destination());
		BlockingQueue<Map<String, Object>> reads = stomp("bob").subscribe(room.destination() + "/read");
		BrokerSubscriptions.await(this.simpleBroker, room.destination() + "/read", 1);
		alice.send(room.sendDestination(), Map.of("text", "read me"));
		Number seq = (Number) messages.poll(15, TimeUnit.SECONDS).get("seq");

		alice.send(room.sendDestination() + "/read", Map.of("seq", seq));

		assertThat(reads.poll(15, TimeUnit.SECONDS)).containsEntry("username", "alice")
			.containsEntry("seq", seq.intValue());
		BlockingQueue<MqttTestClient.Received> onMqtt = this.mqtt.subscribe(room.topic() + "/read/+");
		MqttTestClient.Received published = onMqtt.poll(15, TimeUnit.SECONDS);
		assertThat(published).as("a marker is retained for later subscribers").isNotNull();
		assertThat(this.json.readValue(published.text(), Map.class)).containsEntry("username", "alice")
			.containsEntry("seq", seq.intValue());
		this.mqtt.publishRetained(room.topic() + "/read/eve-laptop", "{\"username\":\"eve\",\"seq\":" + seq + "}");
		await().atMost(TIMEOUT).until(() -> this.api.read(room.id()), (markers) -> markers.size() == 2);
		assertThat(this.api.read(room.id()))
			.extracting((marker) -> marker.get("username"), (marker) -> marker.get("seq"))
			.containsExactly(tuple("alice", seq.intValue()), tuple("eve", seq.intValue()));
	}

	@Test
	void badSignalsGetClearErrorsOnTheUserQueue() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		StompTestClient anonymous = stomp(null);
		BlockingQueue<Map<String, Object>> anonymousErrors = anonymous.subscribe("/user/queue/errors");
		StompTestClient alice = stomp("alice");
		BlockingQueue<Map<String, Object>> errors = alice.subscribe("/user/queue/errors");

		anonymous.send(room.sendDestination() + "/typing", Map.of());
		alice.send(room.sendDestination() + "/read", Map.of("seq", 0));
		alice.send(room.sendDestination() + "/read", Map.of("seq", 999));
		for (int i = 0; i < 5; i++) {
			alice.send(room.sendDestination() + "/typing", Map.of());
		}

		assertThat(anonymousErrors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "no-username")
			.containsEntry("roomId", room.id());
		assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "invalid-seq");
		assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "unknown-seq");
		assertThat(errors.poll(15, TimeUnit.SECONDS)).as("a burst of 3, then refused")
			.containsEntry("code", "rate-limited");
		assertThat(alice.isConnected()).isTrue();
	}

	@Test
	void unknownRoomHasNoPresence() {
		assertThat(this.api.status("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/presence")).isEqualTo(404);
		assertThat(this.api.status("/api/rooms/AAAAAAAAAAAAAAAAAAAAAA/read")).isEqualTo(404);
	}

	private BlockingQueue<Map<String, Object>> watch(TestRoom room) throws Exception {
		BlockingQueue<Map<String, Object>> events = stomp("watcher").subscribe(presence(room));
		assertThat(events.poll(15, TimeUnit.SECONDS)).containsEntry("type", "roster");
		return events;
	}

	private StompTestClient stomp(@Nullable String username) throws Exception {
		StompTestClient client = (username != null) ? StompTestClient.connect(this.port, username)
				: StompTestClient.connect(this.port);
		this.clients.add(client);
		return client;
	}

	private static String presence(TestRoom room) {
		return room.destination() + "/presence";
	}

}
