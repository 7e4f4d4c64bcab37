package dev.mqttchat.gateway.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.room.RoomMembers;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.OidcProvider;
import dev.mqttchat.gateway.testsupport.SignedInSession;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members rooms with real signed-in people: invisible to everyone else on every REST path
 * and on STOMP, members added and removed by the rules of their roles, and a removed
 * member's open subscription closed at once.
 */
// "Another instance" is played by a plain MQTT client, which the embedded broker lets
// write a room's removed topic only with open access (in oidc mode its default is rooms
// access, where only the gateways may: EmbeddedBrokerRoomAccessTests).
@TestPropertySource(properties = "chat.mqtt.embedded.access=open")
class MembersRoomTests extends OidcGatewayTestBase {

	private static final String MEMBERS_ROOM = "{\"name\":\"team\",\"access\":\"members\"}";

	@LocalServerPort
	int port;

	@Autowired
	RoomMembers members;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	ChatProperties properties;

	@Test
	void aMembersRoomIsInvisibleToANonMemberOnEveryRestPath() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, MEMBERS_ROOM);
		HttpResponse<String> picture = SignedInRooms.upload(this.port, alice, room);
		assertThat(picture.statusCode()).as(picture.body()).isEqualTo(201);
		String url = String.valueOf(SignedInRooms.json(picture.body()).get("url"));
		List<String> paths = List.of("/api/rooms/" + room, "/api/rooms/" + room + "/messages",
				"/api/rooms/" + room + "/presence", "/api/rooms/" + room + "/read", "/api/rooms/" + room + "/members",
				"/api/rooms/" + room + "/search?q=hello", "/api/rooms/" + room + "/messages?around=1", url);

		for (String path : paths) {
			assertThat(alice.get(path).statusCode()).as(path).isEqualTo(200);
			HttpResponse<String> hidden = bob.get(path);
			assertThat(hidden.statusCode()).as(path).isEqualTo(404);
			assertThat(hidden.body()).as(path).contains("Room not found");
		}
		String token = OidcProvider.shared().clientToken(OidcProvider.CLIENT_ID);
		HttpResponse<String> bearer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/rooms/" + room))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(bearer.statusCode()).as("an API client that is no member").isEqualTo(404);
		assertThat(SignedInRooms.upload(this.port, bob, room).statusCode()).isEqualTo(404);
		assertThat(SignedInRooms.put(bob, room, "bob", "member").statusCode()).isEqualTo(404);
		assertThat(SignedInRooms.json(alice.get("/api/rooms/" + room).body())).containsEntry("access", "members");
		assertThat(bob.get("/api/rooms/mine").body()).doesNotContain(room);
	}

	@Test
	void aMemberAddedByTheOwnerSeesTheRoomAndFindsItAmongTheirRooms() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, MEMBERS_ROOM);

		HttpResponse<String> added = SignedInRooms.put(alice, room, "bob", "member");

		assertThat(added.statusCode()).isEqualTo(201);
		assertThat(SignedInRooms.json(added.body())).containsEntry("username", "bob").containsEntry("role", "member");
		assertThat(bob.get("/api/rooms/" + room + "/messages").statusCode()).isEqualTo(200);
		assertThat(SignedInRooms.list(alice.get("/api/rooms/" + room + "/members").body()))
			.containsExactly(Map.of("username", "alice", "role", "owner"), Map.of("username", "bob", "role", "member"));
		Map<String, Object> mine = SignedInRooms.list(bob.get("/api/rooms/mine").body()).get(0);
		assertThat(mine).containsEntry("id", room).containsEntry("role", "member").containsEntry("access", "members");
		assertThat(SignedInRooms.put(alice, room, "bob", "moderator").statusCode()).isEqualTo(200);
	}

	@Test
	void rolesLimitWhoAddsRemovesAndPromotes() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, "{\"access\":\"link\"}");
		SignedInRooms.put(alice, room, "bob", "moderator");

		assertThat(SignedInRooms.put(bob, room, "erin", "member").statusCode()).isEqualTo(201);
		assertThat(SignedInRooms.put(bob, room, "erin", "moderator").statusCode()).isEqualTo(403);
		assertThat(SignedInRooms.put(bob, room, "alice", "member").statusCode()).isEqualTo(409);
		assertThat(SignedInRooms.put(alice, room, "erin", "owner").statusCode()).isEqualTo(400);
		assertThat(SignedInRooms.put(alice, room, "%E2%80%8Berin", "member").statusCode()).isEqualTo(400);
		assertThat(SignedInRooms.put(alice, room, "dave%40example.test", "member").body())
			.contains("\"username\":\"dave@example.test\"");
		assertThat(SignedInRooms.put(alice, room, "ada%20lovelace", "member").body())
			.contains("\"username\":\"ada lovelace\"");
		assertThat(SignedInRooms.put(alice, room, "eve%20(guest)", "member").statusCode()).isEqualTo(400);
		assertThat(bob.send("DELETE", "/api/rooms/" + room + "/members/alice", null).statusCode()).isEqualTo(409);
		assertThat(bob.send("DELETE", "/api/rooms/" + room + "/members/erin", null).statusCode()).isEqualTo(204);
		SignedInRooms.put(alice, room, "bob", "member");
		assertThat(SignedInRooms.put(bob, room, "frank", "member").statusCode()).isEqualTo(403);
		assertThat(bob.send("DELETE", "/api/rooms/" + room + "/members/bob", null).statusCode()).isEqualTo(204);
		assertThat(alice.send("DELETE", "/api/rooms/" + room + "/members/alice", null).statusCode()).isEqualTo(409);
	}

	@Test
	void aMembersRoomCannotBePublic() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");

		HttpResponse<String> refused = alice.send("POST", "/api/rooms",
				"{\"access\":\"members\",\"visibility\":\"public\"}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void aNonMemberGetsUnknownRoomOnEveryStompDestination() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, MEMBERS_ROOM);
		try (StompTestClient member = StompTestClient.connectWithCookie(this.port, alice.cookieHeader(), "alice");
				StompTestClient outsider = StompTestClient.connectWithCookie(this.port, bob.cookieHeader(), "bob")) {
			BlockingQueue<Map<String, Object>> errors = outsider.subscribe("/user/queue/errors");
			BlockingQueue<Map<String, Object>> leaked = outsider.subscribe("/topic/rooms/" + room);
			outsider.subscribe("/topic/rooms/" + room + "/presence");
			outsider.send("/app/rooms/" + room, Map.of("text", "let me in"));
			outsider.send("/app/rooms/" + room + "/typing", Map.of());
			BlockingQueue<Map<String, Object>> messages = member.subscribe("/topic/rooms/" + room);
			member.send("/app/rooms/" + room, Map.of("text", "members only"));

			assertThat(messages.poll(10, TimeUnit.SECONDS)).containsEntry("text", "members only");
			for (int i = 0; i < 4; i++) {
				assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "unknown-room")
					.containsEntry("roomId", room);
			}
			assertThat(leaked.poll(1, TimeUnit.SECONDS)).isNull();
			assertThat(alice.get("/api/rooms/" + room + "/messages").body()).doesNotContain("let me in");
			String neverIssued = "A".repeat(room.length());
			outsider.send("/app/rooms/" + room, Map.of("text", "again", "clientMsgId", "c-1"));
			Map<String, Object> hidden = errors.poll(10, TimeUnit.SECONDS);
			outsider.send("/app/rooms/" + neverIssued, Map.of("text", "again", "clientMsgId", "c-1"));
			Map<String, Object> missing = errors.poll(10, TimeUnit.SECONDS);
			assertThat(hidden).as("the same answer as for a room never issued")
				.isEqualTo(Map.of("code", "unknown-room", "message", missing.get("message"), "roomId", room,
						"clientMsgId", "c-1"));
			assertThat(missing).containsEntry("roomId", neverIssued);
		}
	}

	@Test
	void aRemovedMembersOpenSubscriptionClosesAtOnce() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, MEMBERS_ROOM);
		SignedInRooms.put(alice, room, "bob", "member");
		try (StompTestClient owner = StompTestClient.connectWithCookie(this.port, alice.cookieHeader(), "alice");
				StompTestClient member = StompTestClient.connectWithCookie(this.port, bob.cookieHeader(), "bob")) {
			BlockingQueue<Map<String, Object>> errors = member.subscribe("/user/queue/errors");
			BlockingQueue<Map<String, Object>> heard = member.subscribe("/topic/rooms/" + room);
			BlockingQueue<Map<String, Object>> said = owner.subscribe("/topic/rooms/" + room);
			owner.send("/app/rooms/" + room, Map.of("text", "before"));
			assertThat(heard.poll(10, TimeUnit.SECONDS)).containsEntry("text", "before");
			assertThat(said.poll(10, TimeUnit.SECONDS)).containsEntry("text", "before");

			assertThat(alice.send("DELETE", "/api/rooms/" + room + "/members/bob", null).statusCode()).isEqualTo(204);
			owner.send("/app/rooms/" + room, Map.of("text", "after"));

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "removed-from-room")
				.containsEntry("roomId", room);
			assertThat(said.poll(10, TimeUnit.SECONDS)).containsEntry("text", "after");
			assertThat(heard.poll(1, TimeUnit.SECONDS)).isNull();
			member.subscribe("/topic/rooms/" + room);
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "unknown-room");
		}
	}

	@Test
	void aRemovalAnnouncedByAnotherInstanceClosesTheSubscriptionHereToo() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		SignedInSession bob = SignedInSession.signIn(this.port, "bob");
		String room = SignedInRooms.create(alice, MEMBERS_ROOM);
		SignedInRooms.put(alice, room, "bob", "member");
		try (StompTestClient member = StompTestClient.connectWithCookie(this.port, bob.cookieHeader(), "bob");
				MqttTestClient otherInstance = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> errors = member.subscribe("/user/queue/errors");
			BlockingQueue<Map<String, Object>> heard = member.subscribe("/topic/rooms/" + room);
			member.send("/app/rooms/" + room, Map.of("text", "subscribed"));
			assertThat(heard.poll(10, TimeUnit.SECONDS)).containsEntry("text", "subscribed");
			String announcement = "{\"roomId\":\"" + room + "\",\"username\":\"bob\",\"instance\":\"elsewhere\"}";
			String topic = this.properties.rooms().topicPrefix() + "/" + room + "/removed";

			otherInstance.publish(topic, announcement);
			assertThat(errors.poll(2, TimeUnit.SECONDS)).as("still a member: a forged announcement closes nothing")
				.isNull();
			this.members.remove(room, "bob");
			otherInstance.publish(topic, announcement);

			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "removed-from-room")
				.containsEntry("roomId", room);
		}
	}

}
