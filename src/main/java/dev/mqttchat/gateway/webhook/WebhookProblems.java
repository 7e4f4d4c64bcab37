package dev.mqttchat.gateway.webhook;

import dev.mqttchat.gateway.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems the webhook endpoints answer with. */
final class WebhookProblems {

	private WebhookProblems() {
	}

	/** No webhook has this token: never there, revoked, or its room deleted. */
	static ErrorResponseException unknownHook() {
		return Problems.of(HttpStatus.NOT_FOUND, "No such webhook",
				"No webhook has this URL: it was revoked, its room deleted, or it never existed.");
	}

	static ErrorResponseException badPost(String detail) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Not posted", detail);
	}

	static ErrorResponseException encrypted() {
		return Problems.of(HttpStatus.CONFLICT, "Encrypted room",
				"This room is end-to-end encrypted: the server has no key, so it cannot post a webhook's "
						+ "message there (only sealed text is kept).");
	}

	static ErrorResponseException tooFast(long retryAfterSeconds) {
		ErrorResponseException error = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many posts",
				"This webhook posts too fast; try again in " + retryAfterSeconds + " s.");
		error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return error;
	}

}
