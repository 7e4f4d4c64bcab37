package dev.mqttchat.gateway.member;

import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.chat.Usernames;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Checks a username named in a members path: the chat's username rule, and never a
 * guest's name, since guests are not signed in and cannot be members.
 */
final class MemberNames {

	private static final String GUEST_SUFFIX = " (guest)";

	private MemberNames() {
	}

	/** {@code raw} as the chat keeps it, or a {@code 400} problem. */
	static String valid(String raw) {
		String name = Usernames.normalized(raw);
		if (name == null) {
			throw invalid("Invalid username: " + Usernames.whyRefused(raw));
		}
		if (name.endsWith(GUEST_SUFFIX)) {
			throw invalid("Guests are not signed in and cannot be members.");
		}
		return name;
	}

	private static ErrorResponseException invalid(String detail) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid username", detail);
	}

}
