package dev.mqttchat.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.testsupport.BrokerSubscriptions;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Text that is not valid Unicode (the JSON escape of U+D800 decodes to a lone surrogate,
 * which no UTF-8 can carry): refused at every entrance, and never a reason to close a
 * room's other subscribers.
 */
@GatewayUnderAttack
class LoneSurrogateAttackTests {

	// The six characters of the JSON escape, not the char itself.
	private static final String ESCAPED = "\\" + "ud800";

	private static final String LONE = String.valueOf((char) 0xD800);

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	MeterRegistry meters;

	@Autowired
	SimpleBrokerMessageHandler simpleBroker;

	@Autowired
	RoomBroadcaster broadcaster;

	@Test
	void loneSurrogatesOverMqttAreDroppedAndCountedWhileTheRoomStaysUp() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		double before = dropped();
		try (StompTestClient bystander = StompTestClient.connect(this.port, "bystander");
				StompTestClient other = StompTestClient.connect(this.port, "other");
				MqttTestClient attacker = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> inbox = bystander.subscribe(room.destination());
			BlockingQueue<Map<String, Object>> otherInbox = other.subscribe(room.destination());
			await().until(() -> this.links.bridgeReady());
			BrokerSubscriptions.await(this.simpleBroker, room.destination(), 2);
			bystander.send(room.sendDestination(), Map.of("text", "react to me"));
			String target = String.valueOf(inbox.poll(10, TimeUnit.SECONDS).get("id"));
			assertThat(otherInbox.poll(10, TimeUnit.SECONDS)).containsEntry("id", target);

			attacker.publish(room.topic(), "{\"username\":\"m\",\"text\":\"x " + ESCAPED + "\"}");
			attacker.publish(room.topic(), "{\"username\":\"m\",\"type\":\"reaction\",\"target\":\"" + target
					+ "\",\"emoji\":\"" + ESCAPED + "\"}");
			attacker.publish(room.topic(), "{\"username\":\"m" + ESCAPED + "\",\"text\":\"fine text\"}");
			attacker.publish(room.topic(), "plain text with a NUL \u0000 in it");
			attacker.publish(room.topic(), "{\"username\":\"m\",\"text\":\"after the attack\"}");

			assertThat(inbox.poll(10, TimeUnit.SECONDS)).as("the first message after the attack")
				.containsEntry("text", "after the attack");
			assertThat(otherInbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "after the attack");
			assertThat(bystander.isConnected() && other.isConnected()).as("both subscribers still connected").isTrue();
			assertThat(dropped() - before).as("payloads dropped as invalid-unicode").isEqualTo(4);
		}
	}

	@Test
	void loneSurrogatesInWebSendsAreRefusedWhileTheRoomStaysUp() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient bystander = StompTestClient.connect(this.port, "bystander");
				StompTestClient attacker = StompTestClient.connect(this.port, "m")) {
			BlockingQueue<Map<String, Object>> inbox = bystander.subscribe(room.destination());
			BlockingQueue<Map<String, Object>> attackerInbox = attacker.subscribe(room.destination());
			BlockingQueue<Map<String, Object>> errors = attacker.subscribe("/user/queue/errors");
			BrokerSubscriptions.await(this.simpleBroker, room.destination(), 2);
			bystander.send(room.sendDestination(), Map.of("text", "react to me"));
			String target = String.valueOf(inbox.poll(10, TimeUnit.SECONDS).get("id"));
			assertThat(attackerInbox.poll(10, TimeUnit.SECONDS)).containsEntry("id", target);

			// The client's JSON writes each lone surrogate as the escape the attacker
			// sends.
			List<Map<String, Object>> hostile = List.of(Map.of("text", "x " + LONE),
					Map.of("text", "ok", "clientMsgId", "id-" + LONE), Map.of("text", "nul \u0000 inside"),
					Map.of("text", "reversed mark \uFFFE"),
					Map.of("text", String.valueOf((char) 0xDC00) + " low first"),
					Map.of("type", "reaction", "target", target, "emoji", LONE));
			for (Map<String, Object> body : hostile) {
				attacker.send(room.sendDestination(), body);
				assertThat(errors.poll(10, TimeUnit.SECONDS)).as("refusal of %s", body.keySet())
					.containsEntry("code", "invalid-text");
			}
			bystander.send(room.sendDestination(),
					Map.of("type", "reaction", "target", target, "emoji", "\uD83D\uDC4D"));
			assertThat(inbox.poll(10, TimeUnit.SECONDS)).as("the reaction after the attack")
				.containsEntry("type", "reaction");
			assertThat(attackerInbox.poll(10, TimeUnit.SECONDS)).containsEntry("type", "reaction");
			attacker.send(room.sendDestination(), Map.of("text", "after the attack"));

			assertThat(inbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "after the attack");
			assertThat(bystander.isConnected() && attacker.isConnected()).as("both still connected").isTrue();
		}
	}

	@Test
	void storedMessageThatCannotBeEncodedIsSkippedWithoutClosingAnySubscriber() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient bystander = StompTestClient.connect(this.port, "bystander")) {
			BlockingQueue<Map<String, Object>> inbox = bystander.subscribe(room.destination());
			BrokerSubscriptions.await(this.simpleBroker, room.destination(), 1);

			// As kept before the entrances checked: written to every subscriber, it would
			// close each of them.
			this.broadcaster.broadcast(new StoredMessage("stored-bad", room.id(), "m", null, "x " + LONE, Instant.now(),
					MessageSource.WEB, 1));
			bystander.send(room.sendDestination(), Map.of("text", "still up"));

			assertThat(inbox.poll(10, TimeUnit.SECONDS)).containsEntry("text", "still up");
			assertThat(bystander.isConnected()).isTrue();
		}
	}

	@Test
	void roomNameWithALoneSurrogateIsRefused() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/rooms"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"room " + ESCAPED + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("valid Unicode");
	}

	private double dropped() {
		Counter counter = this.meters.find("chat.mqtt.payloads.dropped").tag("reason", "invalid-unicode").counter();
		return (counter != null) ? counter.count() : 0;
	}

}
