package dev.mqttchat.gateway.room;

import dev.mqttchat.gateway.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems the room endpoints answer with. */
final class RoomProblems {

	private RoomProblems() {
	}

	/** Members, roles and members rooms exist only where people sign in. */
	static ErrorResponseException needsSignIn() {
		return Problems.of(HttpStatus.BAD_REQUEST, "Members need sign-in",
				"Room members and members rooms exist only on a gateway with sign-in (CHAT_AUTH_MODE=oidc).");
	}

	static ErrorResponseException notSignedIn() {
		return Problems.of(HttpStatus.UNAUTHORIZED, "Sign-in required", "Sign in first: this needs a signed-in name.");
	}

}
