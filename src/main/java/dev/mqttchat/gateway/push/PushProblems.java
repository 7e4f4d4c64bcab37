package dev.mqttchat.gateway.push;

import dev.mqttchat.gateway.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems the push endpoints answer with. */
final class PushProblems {

	private PushProblems() {
	}

	static ErrorResponseException invalid(String detail) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid push subscription", detail);
	}

	static ErrorResponseException unknownSubscription() {
		return Problems.of(HttpStatus.NOT_FOUND, "No such push subscription",
				"No push subscription has this id: it was ended, replaced, its push service said it is gone, or it "
						+ "never existed. Register again.");
	}

	static ErrorResponseException unknownRoom(String id) {
		return Problems.of(HttpStatus.NOT_FOUND, "No such room",
				"rooms: no room " + shown(id) + " (or not for this name)");
	}

	/** A room id from the request as a problem shows it: at most 64 characters. */
	static String shown(String id) {
		return (id.length() > 64) ? id.substring(0, 64) + "…" : id;
	}

	static ErrorResponseException tooMany(int max) {
		return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many push subscriptions", "This address holds " + max
				+ " push subscriptions, the most it may; end one first " + "(DELETE /api/push/subscriptions/{id}).");
	}

	static ErrorResponseException signInRequired() {
		return Problems.of(HttpStatus.UNAUTHORIZED, "Sign-in required", "Sign in to be notified.");
	}

}
