package dev.mqttchat.gateway.push;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.PushDevice;
import dev.mqttchat.gateway.testsupport.PushService;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering, changing and ending push subscriptions: the VAPID key, the id as the only
 * credential, one registration per endpoint, and every refusal with what is wrong; an
 * endpoint outside the allowed prefixes is never contacted.
 */
class PushRegistrationTests extends PushGatewayTestBase {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theKeyIsAnUncompressedP256PointKeptInTheDatabase() throws Exception {
		Map<String, Object> key = map(send("GET", "/api/push/key", null, null).body());

		assertThat(key).containsOnlyKeys("publicKey");
		byte[] point = P256.fromBase64Url((String) key.get("publicKey"));
		assertThat(point).hasSize(65).startsWith(4);
		assertThat(this.jdbc.sql("SELECT public_key FROM push_vapid_key").query(String.class).single())
			.isEqualTo(key.get("publicKey"));
	}

	@Test
	void aSubscriptionIsChangedAndEndedByItsIdAndAnEndpointRegisteredAgainReplacesIt() throws Exception {
		TestRoom one = TestRooms.create(this.port);
		TestRoom two = TestRooms.create(this.port);
		PushDevice device = PUSH_SERVICE.device();
		String first = subscribe(device, "ada", "203.0.113.10", List.of(room(one.id(), "all")));
		assertThat(first).matches("[A-Za-z0-9_-]{43}");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM push_subscription WHERE id_hash = :id")
			.param("id", first)
			.query(Long.class)
			.single()).as("only its hash is kept").isZero();

		String second = subscribe(device, "ada", "203.0.113.10", List.of(room(one.id(), "all")));
		Map<String, Object> rooms = Map.of("username", "ada", "rooms", List.of(room(two.id(), "mentions")));
		assertThat(send("PUT", "/api/push/subscriptions/" + first, null, rooms).statusCode()).isEqualTo(404);
		assertThat(send("PUT", "/api/push/subscriptions/" + second, null,
				Map.of("rooms", List.of(room(two.id(), "mentions"))))
			.statusCode()).as("rooms alone: the name stays ada").isEqualTo(204);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM push_subscription WHERE endpoint = :endpoint")
			.param("endpoint", device.endpoint())
			.query(Long.class)
			.single()).isOne();

		try (StompTestClient bob = StompTestClient.connect(this.port, "bob")) {
			bob.send(one.sendDestination(), Map.of("text", "in room one"));
			bob.send(two.sendDestination(), Map.of("text", "hi @ada"));
			assertThat(device.pushes().poll(15, TimeUnit.SECONDS).payload()).containsEntry("roomId", two.id());
			assertThat(device.requests()).as("room one is no longer one of its rooms").isOne();
		}
		assertThat(send("DELETE", "/api/push/subscriptions/" + second, null, null).statusCode()).isEqualTo(204);
		HttpResponse<String> ended = send("DELETE", "/api/push/subscriptions/" + second, null, null);
		assertThat(ended.statusCode()).isEqualTo(404);
		assertThat(ended.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(send("PUT", "/api/push/subscriptions/" + second + "/showing", null, Map.of("roomId", one.id()))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void anEndpointOutsideTheAllowedPrefixesIsRefusedAndNeverContacted() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (PushService elsewhere = PushService.start()) {
			HttpResponse<String> refused = register(elsewhere.device(), "ada", "203.0.113.11",
					List.of(room(room.id(), "all")));

			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("not on a push service this gateway sends to")
				.contains(PUSH_SERVICE.prefix());
			try (StompTestClient bob = StompTestClient.connect(this.port, "bob")) {
				PushDevice control = PUSH_SERVICE.device();
				subscribe(control, "carol", "203.0.113.11", List.of(room(room.id(), "all")));
				bob.send(room.sendDestination(), Map.of("text", "anyone?"));
				assertThat(control.pushes().poll(15, TimeUnit.SECONDS)).isNotNull();
			}
			assertThat(elsewhere.requests()).isZero();
		}
	}

	@Test
	void badRequestsAreRefusedWithWhatIsWrong() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		PushDevice device = PUSH_SERVICE.device();
		Map<String, Object> good = new HashMap<>(Map.of("subscription", device.subscription(), "username", "ada",
				"rooms", List.of(room(room.id(), "all"))));

		assertRefused(with(good, "username", "bad\u200bname"), 400, "username");
		assertRefused(with(good, "subscription", Map.of("endpoint", device.endpoint(), "keys",
				Map.of("p256dh", "AAAA", "auth", "BTBZMqHH6r4Tts7J_aSIgg"))), 400, "p256dh");
		Map<String, Object> keys = new HashMap<>(device.subscription());
		keys.put("keys", Map.of("p256dh", ((Map<?, ?>) device.subscription().get("keys")).get("p256dh"), "auth", "x"));
		assertRefused(with(good, "subscription", keys), 400, "auth");
		assertRefused(with(good, "rooms", List.of(room(room.id(), "sometimes"))), 400, "notify");
		assertRefused(with(good, "rooms", List.of(room("NoSuchRoom000000000000", "all"))), 404, "no room");
		assertRefused(with(good, "rooms", List.of(room(room.id(), "all"), room(room.id(), "mentions"))), 400, "twice");
		assertRefused(with(good, "rooms",
				IntStream.rangeClosed(0, MAX_ROOMS)
					.mapToObj((index) -> room(TestRooms.create(this.port).id(), "all"))
					.toList()),
				400, "at most " + MAX_ROOMS);
		assertRefused(with(good, "subscription", Map.of("endpoint", "https://fcm.googleapis.com@127.0.0.1/push/x")),
				400, "user info");
		// Wrong JSON types name the field; a hostile room id is shown cut short.
		assertRefused(with(good, "rooms", "all"), 400, "rooms has a value of the wrong type");
		assertRefused(with(good, "rooms", List.of(Map.of("id", room.id(), "notify", List.of("all")))), 400,
				"rooms[0].notify has a value of the wrong type");
		assertRefused(with(good, "subscription", "x"), 400, "subscription has a value of the wrong type");
		String longId = "A".repeat(5000);
		HttpResponse<String> hostile = send("POST", "/api/push/subscriptions", "203.0.113.14",
				with(good, "rooms", List.of(room(longId, "sometimes"))));
		assertThat(hostile.statusCode()).isEqualTo(400);
		assertThat(hostile.body()).contains("A".repeat(64) + "…").doesNotContain("A".repeat(65)).hasSizeLessThan(1000);
		assertThat(
				send("PUT", "/api/push/subscriptions/not-an-id/showing", null, Map.of("roomId", "x/../y")).statusCode())
			.isEqualTo(400);
	}

	@Test
	void oneAddressHoldsAtMostItsShareOfSubscriptions() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		List<Map<String, String>> rooms = List.of(room(room.id(), "all"));
		PushDevice kept = PUSH_SERVICE.device();
		subscribe(kept, "ada", "203.0.113.12", rooms);
		for (int i = 1; i < MAX_PER_ADDRESS; i++) {
			subscribe(PUSH_SERVICE.device(), "ada", "203.0.113.12", rooms);
		}

		HttpResponse<String> tooMany = register(PUSH_SERVICE.device(), "ada", "203.0.113.12", rooms);

		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(tooMany.body()).contains("Too many push subscriptions");
		assertThat(register(kept, "ada", "203.0.113.12", rooms).statusCode()).as("the same endpoint again")
			.isEqualTo(201);
		assertThat(register(PUSH_SERVICE.device(), "ada", "203.0.113.13", rooms).statusCode()).isEqualTo(201);
	}

	private void assertRefused(Map<String, Object> body, int status, String detail) throws Exception {
		HttpResponse<String> response = send("POST", "/api/push/subscriptions", "203.0.113.14", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains(detail);
	}

	private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.put(key, value);
		return changed;
	}

}
