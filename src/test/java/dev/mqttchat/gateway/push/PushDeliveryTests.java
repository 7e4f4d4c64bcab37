package dev.mqttchat.gateway.push;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.PushDevice;
import dev.mqttchat.gateway.testsupport.PushService.Push;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pushes as a device receives them from a real push service on loopback, which checks the
 * VAPID token and opens every payload: for {@code all} and for {@code mentions}, never to
 * the author or to the device showing the room; a gone subscription is removed; a busy
 * push service is tried again.
 */
class PushDeliveryTests extends PushGatewayTestBase {

	@Autowired
	MeterRegistry meters;

	@Test
	void subscribersOfAllAndTheMentionedGetReadablePushesTheAuthorNone() throws Exception {
		TestRoom room = TestRooms.create(this.port, "Design");
		PushDevice ada = PUSH_SERVICE.device();
		PushDevice bob = PUSH_SERVICE.device();
		PushDevice carol = PUSH_SERVICE.device();
		PushDevice dave = PUSH_SERVICE.device();
		subscribe(ada, "ada", "203.0.113.1", List.of(room(room.id(), "all")));
		subscribe(bob, "bob", "203.0.113.1", List.of(room(room.id(), "all")));
		subscribe(carol, "carol", "203.0.113.1", List.of(room(room.id(), "mentions")));
		subscribe(dave, "dave", "203.0.113.2", List.of(room(room.id(), "mentions")));

		try (StompTestClient adaPage = StompTestClient.connect(this.port, "ada");
				StompTestClient bobPage = StompTestClient.connect(this.port, "bob")) {
			adaPage.send(room.sendDestination(), Map.of("text", "hello @Carol,\n  the   mockups are in"));
			Push toBob = bob.pushes().poll(15, TimeUnit.SECONDS);
			Push toCarol = carol.pushes().poll(15, TimeUnit.SECONDS);
			bobPage.send(room.sendDestination(), Map.of("text", "@dave " + "long ".repeat(100)));
			Push toDave = dave.pushes().poll(15, TimeUnit.SECONDS);
			Push toAda = ada.pushes().poll(15, TimeUnit.SECONDS);

			assertThat(PUSH_SERVICE.problems()).isEmpty();
			assertThat(toBob.payload()).containsExactlyInAnyOrderEntriesOf(Map.of("roomId", room.id(), "seq", 1,
					"title", "ada in Design", "body", "hello @Carol, the mockups are in"));
			assertThat(toBob.urgency()).isEqualTo("normal");
			assertThat(toBob.ttl()).isEqualTo(6 * 3600);
			assertThat(toCarol.payload()).containsEntry("seq", 1).containsEntry("title", "ada in Design");
			assertThat(toCarol.urgency()).as("a mention").isEqualTo("high");
			assertThat(toDave.payload()).containsEntry("seq", 2).containsEntry("title", "bob in Design");
			assertThat((String) toDave.payload().get("body")).hasSize(PushPayload.MAX_BODY).endsWith("…");
			assertThat(toAda.payload()).as("ada's own message was not pushed to her").containsEntry("seq", 2);
			assertThat(toBob.size()).as("padded").isEqualTo(toDave.size());
			assertThat(bob.pushes()).as("bob's own message was not pushed to him").isEmpty();
			assertThat(carol.pushes()).as("carol is not named in the second").isEmpty();
			assertThat(dave.requests()).as("dave is not named in the first").isEqualTo(1);
		}
	}

	@Test
	void theDeviceShowingTheRoomGetsNoPushUntilItShowsAnother() throws Exception {
		TestRoom room = TestRooms.create(this.port, "Ops");
		PushDevice phone = PUSH_SERVICE.device();
		PushDevice laptop = PUSH_SERVICE.device();
		String phoneId = subscribe(phone, "bob", "203.0.113.3", List.of(room(room.id(), "all")));
		subscribe(laptop, "bob", "203.0.113.3", List.of(room(room.id(), "all")));
		assertThat(send("PUT", "/api/push/subscriptions/" + phoneId + "/showing", null, Map.of("roomId", room.id()))
			.statusCode()).isEqualTo(204);

		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			ada.send(room.sendDestination(), Map.of("text", "deploy done"));
			assertThat(laptop.pushes().poll(15, TimeUnit.SECONDS).payload()).containsEntry("seq", 1);
			assertThat(send("PUT", "/api/push/subscriptions/" + phoneId + "/showing", null,
					Collections.singletonMap("roomId", null))
				.statusCode()).isEqualTo(204);
			ada.send(room.sendDestination(), Map.of("text", "and verified"));

			assertThat(phone.pushes().poll(15, TimeUnit.SECONDS).payload()).containsEntry("seq", 2);
			assertThat(phone.requests()).as("nothing while the phone showed the room").isEqualTo(1);
		}
	}

	@Test
	void aGoneSubscriptionIsRemovedAndABusyPushServiceIsTriedAgain() throws Exception {
		TestRoom room = TestRooms.create(this.port, "Alerts");
		PushDevice gone = PUSH_SERVICE.device();
		PushDevice busy = PUSH_SERVICE.device();
		String goneId = subscribe(gone, "erin", "203.0.113.4", List.of(room(room.id(), "all")));
		subscribe(busy, "frank", "203.0.113.4", List.of(room(room.id(), "all")));
		gone.answer(410);
		busy.answer(503, 429);
		double removed = this.meters.get("chat.push.removed").counter().count();

		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			ada.send(room.sendDestination(), Map.of("text", "disk full"));
			assertThat(busy.pushes().poll(15, TimeUnit.SECONDS).payload()).containsEntry("seq", 1);
			assertThat(busy.requests()).as("503, 429, then 201").isEqualTo(3);
			assertThat(Duration.between(busy.arrivals().get(1), busy.arrivals().get(2)))
				.as("Retry-After: 1 beats the doubled 200 ms")
				.isGreaterThanOrEqualTo(Duration.ofMillis(950));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> send("PUT", "/api/push/subscriptions/" + goneId, null,
						Map.of("username", "erin", "rooms", List.of()))
					.statusCode() == 404);
			assertThat(this.meters.get("chat.push.removed").counter().count()).isEqualTo(removed + 1);

			ada.send(room.sendDestination(), Map.of("text", "disk full again"));
			assertThat(busy.pushes().poll(15, TimeUnit.SECONDS).payload()).containsEntry("seq", 2);
			assertThat(gone.requests()).as("nothing sent after the 410").isEqualTo(1);
		}
	}

}
