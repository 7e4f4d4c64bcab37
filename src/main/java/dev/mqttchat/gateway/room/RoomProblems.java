package dev.mqttchat.gateway.room;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems the room endpoints answer with. */
final class RoomProblems {

	private RoomProblems() {
	}

	static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	/** Members, roles and members rooms exist only where people sign in. */
	static ErrorResponseException needsSignIn() {
		return problem(HttpStatus.BAD_REQUEST, "Members need sign-in",
				"Room members and members rooms exist only on a gateway with sign-in (CHAT_AUTH_MODE=oidc).");
	}

	static ErrorResponseException notSignedIn() {
		return problem(HttpStatus.UNAUTHORIZED, "Sign-in required", "Sign in first: this needs a signed-in name.");
	}

}
