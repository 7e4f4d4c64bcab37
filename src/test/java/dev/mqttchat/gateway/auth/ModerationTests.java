package dev.mqttchat.gateway.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.SignedInSession;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Owners and moderators at work with real signed-in people: removing anyone's message and
 * muting someone, each an entry of the room's stream live and in history; and members who
 * try either refused.
 */
class ModerationTests extends OidcGatewayTestBase {

	@LocalServerPort
	int port;

	@Test
	void aModeratorRemovesSomeoneElsesMessageLiveAndInHistory() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, "{}");
		SignedInRooms.put(alice, room, "bob", "member");
		try (StompTestClient owner = StompTestClient.connectWithCookie(this.port, alice.cookieHeader(), "alice");
				StompTestClient member = StompTestClient.connectWithCookie(this.port, bob.cookieHeader(), "bob")) {
			BlockingQueue<Map<String, Object>> errors = member.subscribe("/user/queue/errors");
			BlockingQueue<Map<String, Object>> stream = owner.subscribe("/topic/rooms/" + room);
			member.send("/app/rooms/" + room, Map.of("text", "something rude"));
			String rude = String.valueOf(stream.poll(10, TimeUnit.SECONDS).get("id"));
			owner.send("/app/rooms/" + room, Map.of("text", "fine words"));
			String fine = String.valueOf(stream.poll(10, TimeUnit.SECONDS).get("id"));

			member.send("/app/rooms/" + room, Map.of("type", "delete", "target", fine));
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "not-a-moderator");
			owner.send("/app/rooms/" + room, Map.of("type", "delete", "target", rude));

			Map<String, Object> removal = stream.poll(10, TimeUnit.SECONDS);
			assertThat(removal).containsEntry("type", "delete")
				.containsEntry("target", rude)
				.containsEntry("moderated", true)
				.containsEntry("username", "alice")
				.doesNotContainKey("proof");
		}
		List<Map<String, Object>> history = SignedInRooms.list(alice.get("/api/rooms/" + room + "/messages").body());
		assertThat(history).hasSize(3);
		assertThat(history.get(0)).containsEntry("deleted", true)
			.containsEntry("moderated", true)
			.doesNotContainKey("text");
		assertThat(history.get(1)).containsEntry("text", "fine words");
		assertThat(history.get(2)).containsEntry("type", "delete")
			.containsEntry("moderated", true)
			.containsEntry("username", "alice");
		assertThat(alice.get("/api/rooms/" + room + "/messages").body()).doesNotContain("something rude");
	}

	@Test
	void aMutedPersonsSendsAreRefusedUntilTheMuteIsLifted() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, "{\"access\":\"members\"}");
		SignedInRooms.put(alice, room, "bob", "member");
		try (StompTestClient owner = StompTestClient.connectWithCookie(this.port, alice.cookieHeader(), "alice");
				StompTestClient member = StompTestClient.connectWithCookie(this.port, bob.cookieHeader(), "bob")) {
			BlockingQueue<Map<String, Object>> errors = member.subscribe("/user/queue/errors");
			BlockingQueue<Map<String, Object>> stream = owner.subscribe("/topic/rooms/" + room);
			member.send("/app/rooms/" + room, Map.of("type", "mute", "target", "alice", "minutes", 5));
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "not-a-moderator");

			owner.send("/app/rooms/" + room, Map.of("type", "mute", "target", "bob", "minutes", 5));
			Map<String, Object> mute = stream.poll(10, TimeUnit.SECONDS);
			assertThat(mute).containsEntry("type", "mute")
				.containsEntry("username", "alice")
				.containsEntry("target", "bob");
			assertThat(String.valueOf(mute.get("until"))).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
			member.send("/app/rooms/" + room, Map.of("text", "can I speak?"));
			member.send("/app/rooms/" + room + "/typing", Map.of());
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "muted");
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "muted");

			owner.send("/app/rooms/" + room, Map.of("type", "mute", "target", "bob", "minutes", 0));
			Map<String, Object> lifted = stream.poll(10, TimeUnit.SECONDS);
			assertThat(lifted).containsEntry("type", "mute").containsEntry("until", null);
			member.send("/app/rooms/" + room, Map.of("text", "thank you"));
			assertThat(stream.poll(10, TimeUnit.SECONDS)).containsEntry("text", "thank you");
		}
		String history = alice.get("/api/rooms/" + room + "/messages").body();
		List<Map<String, Object>> entries = SignedInRooms.list(history);
		assertThat(entries).extracting((entry) -> entry.get("type")).containsExactly("mute", "mute", "message");
		assertThat(entries.get(1)).containsEntry("until", null).containsEntry("target", "bob");
		assertThat(history).doesNotContain("can I speak?");
	}

	@Test
	void aMuteNeedsMinutesWithinAWeek() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		String room = SignedInRooms.create(alice, "{}");
		try (StompTestClient owner = StompTestClient.connectWithCookie(this.port, alice.cookieHeader(), "alice")) {
			BlockingQueue<Map<String, Object>> errors = owner.subscribe("/user/queue/errors");
			owner.subscribe("/topic/rooms/" + room);

			owner.send("/app/rooms/" + room, Map.of("type", "mute", "target", "bob", "minutes", 10081));
			owner.send("/app/rooms/" + room, Map.of("type", "mute", "target", "bob"));

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "invalid-minutes");
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "invalid-minutes");
		}
	}

}
