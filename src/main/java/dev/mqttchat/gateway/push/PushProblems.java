package dev.mqttchat.gateway.push;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems the push endpoints answer with. */
final class PushProblems {

	private PushProblems() {
	}

	static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

	static ErrorResponseException invalid(String detail) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid push subscription", detail);
	}

	static ErrorResponseException unknownSubscription() {
		return problem(HttpStatus.NOT_FOUND, "No such push subscription",
				"No push subscription has this id: it was ended, replaced, its push service said it is gone, or it "
						+ "never existed. Register again.");
	}

	static ErrorResponseException unknownRoom(String id) {
		String shown = (id.length() > 64) ? id.substring(0, 64) + "…" : id;
		return problem(HttpStatus.NOT_FOUND, "No such room", "rooms: no room " + shown + " (or not for this name)");
	}

	static ErrorResponseException tooMany(int max) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many push subscriptions", "This address holds " + max
				+ " push subscriptions, the most it may; end one first " + "(DELETE /api/push/subscriptions/{id}).");
	}

	static ErrorResponseException signInRequired() {
		return problem(HttpStatus.UNAUTHORIZED, "Sign-in required", "Sign in to be notified.");
	}

}
