package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ChannelInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The bridge's behaviour in both directions, with a real STOMP client and a real Paho
 * client; subclasses choose the broker.
 */
abstract class AbstractBridgeTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	SimpleBrokerMessageHandler simpleBroker;

	@Autowired
	AbstractSubscribableChannel brokerChannel;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<AutoCloseable> clients = new ArrayList<>();

	private MqttTestClient mqtt;

	@BeforeEach
	void connectClients() throws Exception {
		await().atMost(TIMEOUT).until(() -> this.links.bridgeReady());
		this.mqtt = MqttTestClient.connect(this.broker.url());
		this.clients.add(this.mqtt);
	}

	@AfterEach
	void closeClients() throws Exception {
		for (AutoCloseable client : this.clients) {
			client.close();
		}
	}

	@Test
	void webMessageReachesMqttAsJsonAtQos1() throws Exception {
		TestRoom room = createRoom("coding_issues");
		BlockingQueue<MqttTestClient.Received> onTopic = this.mqtt.subscribe(room.topic());
		StompTestClient browser = stomp();

		browser.send(room.sendDestination(), Map.of("username", "ada", "text", "hello MQTT", "clientId", "tab-1"));

		MqttTestClient.Received received = onTopic.poll(15, TimeUnit.SECONDS);
		assertThat(received).isNotNull();
		assertThat(received.qos()).isEqualTo(1);
		assertThat(received.retained()).isFalse();
		Map<String, Object> body = this.json.readValue(received.text(), Map.class);
		assertThat(body).containsOnlyKeys("id", "roomId", "username", "clientId", "text", "sentAt", "source", "type")
			.containsEntry("roomId", room.id())
			.containsEntry("username", "ada")
			.containsEntry("clientId", "tab-1")
			.containsEntry("text", "hello MQTT")
			.containsEntry("source", "web");
	}

	@Test
	void webMessageReachesEveryRoomSubscriberIncludingTheSender() throws Exception {
		TestRoom room = createRoom(null);
		StompTestClient sender = stomp();
		StompTestClient reader = stomp();
		BlockingQueue<Map<String, Object>> senderInbox = sender.subscribe(destination(room));
		BlockingQueue<Map<String, Object>> readerInbox = reader.subscribe(destination(room));
		awaitSubscribers(destination(room), 2);

		sender.send(sendDestination(room), Map.of("username", "ada", "text", "both of you?"));

		Map<String, Object> atSender = senderInbox.poll(15, TimeUnit.SECONDS);
		Map<String, Object> atReader = readerInbox.poll(15, TimeUnit.SECONDS);
		assertThat(atSender).containsEntry("text", "both of you?").containsEntry("source", "web");
		assertThat(atReader).isEqualTo(atSender);
		assertThat(atReader).containsKeys("id", "sentAt").containsEntry("clientId", null);
	}

	@Test
	void longestAllowedMessageArrivesWholeThoughTheSocketTakesItInPieces() throws Exception {
		TestRoom room = createRoom(null);
		BlockingQueue<MqttTestClient.Received> onTopic = this.mqtt.subscribe(topic(room));
		StompTestClient browser = stomp();
		BlockingQueue<Map<String, Object>> inbox = browser.subscribe(destination(room));
		// Escaped quotes and backslashes make the frame far longer than the container's
		// receive buffer, and the emoji's surrogate pairs must survive the cuts between
		// pieces.
		String text = "\"\\\uD83D\uDE00\u00E9 x".repeat(571) + "end";
		assertThat(text).hasSize(4000);

		browser.send(sendDestination(room), Map.of("username", "ada", "text", text));

		assertThat(inbox.poll(15, TimeUnit.SECONDS)).containsEntry("text", text);
		assertThat(onTopic.poll(15, TimeUnit.SECONDS).text()).contains("end");
		assertThat(browser.isConnected()).isTrue();
	}

	/** What a plain MQTT client may publish, and the message a browser then receives. */
	static Stream<Arguments> payloadsFromMqtt() {
		return Stream.of(
				arguments("plain text", "just some text: with (parentheses)", null, null,
						"just some text: with (parentheses)"),
				arguments("the reference client's form", "Rajdeep (client42): deploy at 5 (maybe): ok?", "Rajdeep",
						"client42", "deploy at 5 (maybe): ok?"),
				arguments("JSON", "{\"username\":\"py-bot\",\"clientId\":\"script-1\",\"text\":\"from JSON\"}",
						"py-bot", "script-1", "from JSON"));
	}

	@ParameterizedTest(name = "{0} from MQTT reaches room subscribers")
	@MethodSource("payloadsFromMqtt")
	void payloadFromMqttReachesRoomSubscribers(String form, String payload, @Nullable String username,
			@Nullable String clientId, String text) throws Exception {
		TestRoom room = createRoom(null);
		BlockingQueue<Map<String, Object>> inbox = subscribedBrowser(room);

		this.mqtt.publish(topic(room), payload);

		Map<String, Object> message = inbox.poll(15, TimeUnit.SECONDS);
		assertThat(message).as(form)
			.containsEntry("text", text)
			.containsEntry("username", username)
			.containsEntry("clientId", clientId)
			.containsEntry("source", "mqtt")
			.containsEntry("roomId", room.id());
		assertThat((String) message.get("id")).isNotBlank();
	}

	@Test
	void mqttMessagesKeepTheirOrder() throws Exception {
		TestRoom room = createRoom(null);
		BlockingQueue<Map<String, Object>> inbox = subscribedBrowser(room);

		for (int i = 0; i < 50; i++) {
			this.mqtt.publish(topic(room), "message " + i);
		}

		List<Object> texts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Map<String, Object> message = inbox.poll(15, TimeUnit.SECONDS);
			assertThat(message).as("message %d", i).isNotNull();
			texts.add(message.get("text"));
		}
		assertThat(texts).containsExactly(IntStream.range(0, 50).mapToObj((i) -> "message " + i).toArray());
	}

	@Test
	void messagesOfUnissuedRoomsAreNotBridged() throws Exception {
		TestRoom room = createRoom(null);
		BlockingQueue<Map<String, Object>> inbox = subscribedBrowser(room);
		String topic = topic(room);
		String unissuedId = "0".repeat((room.id()).length());
		String unissued = topic.substring(0, topic.lastIndexOf('/') + 1) + unissuedId;
		List<String> destinations = new CopyOnWriteArrayList<>();
		AtomicBoolean recording = new AtomicBoolean(true);
		// Left installed, only switched off: removing an interceptor while a send is
		// still in its after-send phase (the subscriber can have the message by then)
		// breaks that send in the shared context.
		this.brokerChannel.addInterceptor(new ChannelInterceptor() {
			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				if (recording.get()) {
					destinations.add(String.valueOf(SimpMessageHeaderAccessor.getDestination(message.getHeaders())));
				}
				return message;
			}
		});
		try {
			this.mqtt.publish(unissued, "nobody should see this");
			this.mqtt.publish(topic, "marker");

			assertThat(inbox.poll(15, TimeUnit.SECONDS)).containsEntry("text", "marker");
			assertThat(destinations).noneMatch((destination) -> destination.contains(unissuedId));
		}
		finally {
			recording.set(false);
		}
	}

	@Test
	void invalidMessageGetsAnErrorOnTheUserQueueAndIsNotPublished() throws Exception {
		TestRoom room = createRoom(null);
		BlockingQueue<MqttTestClient.Received> onTopic = this.mqtt.subscribe(topic(room));
		StompTestClient browser = stomp();
		BlockingQueue<Map<String, Object>> errors = browser.subscribe("/user/queue/errors");

		browser.send(sendDestination(room), Map.of("username", "", "text", "who am I?"));
		browser.send(sendDestination(room), Map.of("username", "ada", "text", "x".repeat(4001)));
		browser.send(sendDestination(room), Map.of("username", "ada", "text", "this one is fine"));

		assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "invalid-username");
		assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "text-too-long")
			.containsEntry("roomId", room.id());
		MqttTestClient.Received published = onTopic.poll(15, TimeUnit.SECONDS);
		assertThat(published.text()).contains("this one is fine");
		assertThat(onTopic).isEmpty();
		assertThat(browser.isConnected()).isTrue();
	}

	@Test
	void subscribingToAnUnissuedRoomIsRefused() throws Exception {
		StompTestClient browser = stomp();
		BlockingQueue<Map<String, Object>> errors = browser.subscribe("/user/queue/errors");

		BlockingQueue<Map<String, Object>> unissued = browser.subscribe("/topic/rooms/AAAAAAAAAAAAAAAAAAAAAA");

		assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "subscription-refused");
		assertThat(unissued).isEmpty();
		assertThat(browser.isConnected()).isTrue();
	}

	TestRoom createRoom(@Nullable String name) {
		return TestRooms.create(this.port, name);
	}

	private BlockingQueue<Map<String, Object>> subscribedBrowser(TestRoom room) throws Exception {
		BlockingQueue<Map<String, Object>> inbox = stomp().subscribe(destination(room));
		awaitSubscribers(destination(room), 1);
		return inbox;
	}

	private StompTestClient stomp() throws Exception {
		StompTestClient client = StompTestClient.connect(this.port);
		this.clients.add(client);
		return client;
	}

	private void awaitSubscribers(String destination, int count) {
		BrokerSubscriptions.await(this.simpleBroker, destination, count);
	}

	private static String topic(TestRoom room) {
		return room.topic();
	}

	private static String destination(TestRoom room) {
		return room.destination();
	}

	private static String sendDestination(TestRoom room) {
		return room.sendDestination();
	}

}
