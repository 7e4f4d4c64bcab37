package dev.mqttchat.gateway.webhook;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.UnicodeText;
import dev.mqttchat.gateway.chat.Usernames;

/**
 * What a post on a webhook's URL says, Slack's JSON {@code {"text", "username"}},
 * checked: the text as typed (Markdown is rendered by the page), the name by the rule for
 * usernames.
 *
 * @param text the message, 1 to the most characters a message may have
 * @param username the name to post under, or {@code null} for the webhook's own
 */
record HookPost(String text, @Nullable String username) {

	/**
	 * The post in {@code json}, or a {@code 400} problem saying what is wrong with it.
	 */
	static HookPost read(JsonMapper mapper, @Nullable String json, int maxTextLength) {
		JsonNode root;
		try {
			root = (json != null) ? mapper.readTree(json) : null;
		}
		catch (JacksonException ex) {
			throw WebhookProblems.badPost("The body is not JSON: send {\"text\": \"...\", \"username\": \"...\"}.");
		}
		if (root == null || !root.isObject()) {
			throw WebhookProblems
				.badPost("The body must be a JSON object: {\"text\": \"...\", \"username\": \"...\"}.");
		}
		JsonNode text = root.get("text");
		if (text == null || !text.isString() || text.asString().isBlank()) {
			throw WebhookProblems.badPost("\"text\" is required: a string that is not empty.");
		}
		if (text.asString().length() > maxTextLength || !UnicodeText.isText(text.asString())) {
			throw WebhookProblems.badPost("\"text\" must be valid Unicode text of at most " + maxTextLength
					+ " UTF-16 code units (it has " + text.asString().length() + ").");
		}
		JsonNode name = root.get("username");
		if (name == null || name.isNull()) {
			return new HookPost(text.asString(), null);
		}
		String username = name.isString() ? Usernames.normalized(name.asString()) : null;
		if (username == null) {
			throw WebhookProblems.badPost("\"username\" breaks the rule: " + Usernames.RULE);
		}
		return new HookPost(text.asString(), username);
	}

}
