package dev.mqttchat.gateway.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.chat.BotPoster;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A webhook's secret URL, {@code POST /hooks/{token}}: Slack's JSON {@code {"text",
 * "username"}} (or a form with that JSON as {@code payload}) posted to the webhook's room
 * as a bot.
 */
@RestController
@Tag(name = "Webhooks")
class HookController {

	private static final String DEFAULT_NAME = "webhook";

	private final Webhooks webhooks;

	private final RoomRegistry rooms;

	private final WebhookLimiter limiter;

	private final BotPoster poster;

	private final JsonMapper json;

	private final int maxTextLength;

	HookController(Webhooks webhooks, RoomRegistry rooms, WebhookLimiter limiter, BotPoster poster, JsonMapper json,
			ChatProperties properties) {
		this.webhooks = webhooks;
		this.rooms = rooms;
		this.limiter = limiter;
		this.poster = poster;
		this.json = json;
		this.maxTextLength = properties.messages().maxTextLength();
	}

	@PostMapping(path = "/hooks/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "Post through a webhook (form)",
			description = "Slack's other form: the JSON in the " + "form field payload.")
	HookResponse postForm(@PathVariable String token, @RequestParam(required = false) @Nullable String payload) {
		return post(token, payload);
	}

	@PostMapping("/hooks/{token}")
	@Operation(summary = "Post through a webhook", description = "Posts {\"text\", \"username\"} to the webhook's "
			+ "room as a bot (\"bot\": true). 404 for an unknown or revoked URL, 429 over the webhook's rate.")
	HookResponse post(@PathVariable String token, @RequestBody(required = false) @Nullable String body) {
		Webhook webhook = this.webhooks.byToken(token).orElseThrow(WebhookProblems::unknownHook);
		Room room = this.rooms.find(webhook.roomId()).orElseThrow(WebhookProblems::unknownHook);
		long wait = this.limiter.secondsToWait(webhook.id());
		if (wait > 0) {
			throw WebhookProblems.tooFast(wait);
		}
		HookPost post = HookPost.read(this.json, body, this.maxTextLength);
		if (room.encrypted()) {
			throw WebhookProblems.encrypted();
		}
		String name = (post.username() != null) ? post.username()
				: (webhook.name() != null) ? webhook.name() : DEFAULT_NAME;
		ChatMessage message = this.poster.post(room.id(), name, post.text());
		if (message == null) {
			throw Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Broker unavailable",
					"Not posted: the MQTT broker cannot be reached and the gateway's outbox is full; try again later.");
		}
		return new HookResponse(true, message.id());
	}

}
