package dev.mqttchat.gateway.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.auth.OidcGatewayTestBase;
import dev.mqttchat.gateway.testsupport.SignedInSession;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on the ways in that sign-in added: member names that are no names
 * (invalid Unicode, invisible characters, oversize), roles of the wrong type or rank, and
 * another room's credential revoked through this room's path.
 */
class MembersAndCredentialsAttackTests extends OidcGatewayTestBase {

	@LocalServerPort
	int port;

	@Test
	void memberNamesThatAreNoNamesAreRefusedAndAddNobody() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		String room = roomOf(alice, "{\"access\":\"members\"}");
		String members = "/api/rooms/" + room + "/members/";

		for (String name : new String[] { "%ED%A0%80", "b%E2%80%8Bob", "x".repeat(33), "%00", "bob%0A" }) {
			HttpResponse<String> put = alice.send("PUT", members + name, "{\"role\":\"member\"}");
			assertThat(put.statusCode()).as(name + ": " + put.body()).isBetween(400, 404);
		}
		assertThat(alice.send("PUT", members + "bob", "{\"role\":5}").statusCode()).isEqualTo(400);
		assertThat(alice.send("PUT", members + "bob", "{\"role\":\"owner\"}").statusCode()).isEqualTo(400);
		assertThat(alice.send("PUT", members + "bob", "[\"member\"]").statusCode()).isEqualTo(400);
		assertThat(alice.get("/api/rooms/" + room + "/members").body()).contains("\"alice\"").doesNotContain("bob");
	}

	@Test
	void anotherRoomsCredentialCannotBeRevokedThroughThisRoom() throws Exception {
		SignedInSession alice = SignedInSession.signIn(this.port, "alice");
		String roomA = roomOf(alice, "{}");
		String roomB = roomOf(alice, "{}");
		HttpResponse<String> issued = alice.send("POST", "/api/rooms/" + roomA + "/mqtt-credentials", null);
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String username = issued.body().replaceAll(".*\"username\":\"([a-z0-9]+)\".*", "$1");

		assertThat(alice.send("DELETE", "/api/rooms/" + roomB + "/mqtt-credentials/" + username, null).statusCode())
			.isEqualTo(404);
		assertThat(alice.send("DELETE", "/api/rooms/" + roomA + "/mqtt-credentials/" + username, null).statusCode())
			.isEqualTo(204);
	}

	private static String roomOf(SignedInSession owner, String body) throws Exception {
		HttpResponse<String> created = owner.send("POST", "/api/rooms", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.body().replaceAll(".*\"id\":\"([A-Za-z0-9]+)\".*", "$1");
	}

}
