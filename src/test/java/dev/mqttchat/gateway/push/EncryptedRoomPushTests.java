package dev.mqttchat.gateway.push;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.PushDevice;
import dev.mqttchat.gateway.testsupport.PushService.Push;
import dev.mqttchat.gateway.testsupport.RoomCipher;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In an end-to-end encrypted room a push says who wrote where and which message, never
 * what: the server cannot read it, so the page's service worker opens the message itself.
 */
class EncryptedRoomPushTests extends PushGatewayTestBase {

	private static final String SECRET = "the launch code is 0000";

	@Test
	void aPushFromAnEncryptedRoomCarriesNoText() throws Exception {
		Map<String, Object> room = map(
				send("POST", "/api/rooms", null, Map.of("name", "Secret plans", "encrypted", true)).body());
		String id = (String) room.get("id");
		PushDevice bob = PUSH_SERVICE.device();
		PushDevice carol = PUSH_SERVICE.device();
		subscribe(bob, "bob", "203.0.113.20", List.of(room(id, "all")));
		subscribe(carol, "carol", "203.0.113.20", List.of(room(id, "mentions")));
		byte[] secret = new byte[32];
		SecureRandom random = new SecureRandom();
		random.nextBytes(secret);
		RoomCipher cipher = new RoomCipher(secret);
		AuthorKey key = AuthorKey.generate();
		byte[] iv = new byte[12];
		random.nextBytes(iv);
		Map<String, Object> sealed = new HashMap<>(Map.of("username", "ada", "clientMsgId", "p-1", "type", "message",
				"v", 1, "kid", cipher.kid(), "iv", RoomCipher.base64url(iv), "ciphertext",
				cipher.seal(id, key.author(), "p-1", "{\"text\":\"@carol " + SECRET + "\"}", iv)));

		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			ada.send((String) room.get("sendDestination"), key.sign(id, sealed));
			Push push = bob.pushes().poll(15, TimeUnit.SECONDS);

			assertThat(PUSH_SERVICE.problems()).isEmpty();
			assertThat(push.payload()).containsOnlyKeys("roomId", "seq", "title")
				.containsEntry("roomId", id)
				.containsEntry("seq", 1)
				.containsEntry("title", "ada in Secret plans");
			assertThat(push.payload().toString()).doesNotContain("launch");
			assertThat(carol.requests()).as("the server cannot see mentions in sealed text").isZero();
		}
	}

}
