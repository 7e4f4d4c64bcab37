package dev.mqttchat.gateway.webhook;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.chat.Usernames;
import dev.mqttchat.gateway.room.Room;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Creates, lists and revokes a room's incoming webhooks under
 * {@code /api/rooms/{id}/webhooks}, for its owner only.
 */
@RestController
@RequestMapping("/api/rooms/{id}/webhooks")
@Tag(name = "Webhooks")
class WebhookController {

	private final Webhooks webhooks;

	private final WebhookOwners owners;

	private final int maxPerRoom;

	WebhookController(Webhooks webhooks, WebhookOwners owners, ChatProperties properties) {
		this.webhooks = webhooks;
		this.owners = owners;
		this.maxPerRoom = properties.webhooks().maxPerRoom();
	}

	@PostMapping
	@Operation(summary = "Create an incoming webhook", description = "A secret URL, shown this once, on which "
			+ "POST {\"text\", \"username\"} posts to the room as a bot. Needs Authorization: Bearer {ownerToken}.")
	ResponseEntity<CreatedWebhookResponse> create(Room room,
			@RequestBody(required = false) @Nullable CreateWebhookRequest request,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@Nullable Principal principal) {
		this.owners.check(room, authorization, principal);
		String name = (request != null) ? request.name() : null;
		String label = (name != null) ? Usernames.normalized(name) : null;
		if (name != null && label == null) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Invalid name",
					"A webhook's name is the name it posts under: " + Usernames.RULE);
		}
		if (room.encrypted()) {
			throw WebhookProblems.encrypted();
		}
		if (this.webhooks.count(room.id()) >= this.maxPerRoom) {
			throw Problems.of(HttpStatus.CONFLICT, "Too many webhooks",
					"This room has " + this.maxPerRoom + " webhooks, the most it may have; revoke one first.");
		}
		Webhooks.Issued issued = this.webhooks.create(room.id(), label);
		// Absolute, as the client sees this server, like every Location.
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{webhookId}")
			.buildAndExpand(issued.webhook().id())
			.toUri();
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/hooks/{token}")
			.buildAndExpand(issued.token())
			.toUriString();
		return ResponseEntity.created(location).body(new CreatedWebhookResponse(issued.webhook().id(), url));
	}

	@GetMapping
	@Operation(summary = "List a room's webhooks", description = "Their ids, names and creation times, never their "
			+ "URLs. Needs Authorization: Bearer {ownerToken}.")
	List<WebhookResponse> list(Room room,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@Nullable Principal principal) {
		this.owners.check(room, authorization, principal);
		return this.webhooks.list(room.id()).stream().map(WebhookResponse::of).toList();
	}

	@DeleteMapping("/{webhookId}")
	@Operation(summary = "Revoke a webhook",
			description = "Its URL answers 404 from now on. Needs " + "Authorization: Bearer {ownerToken}.")
	ResponseEntity<Void> revoke(Room room, @PathVariable String webhookId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@Nullable Principal principal) {
		this.owners.check(room, authorization, principal);
		if (!this.webhooks.delete(room.id(), webhookId)) {
			throw Problems.of(HttpStatus.NOT_FOUND, "No such webhook",
					"This room has no webhook with this id (revoked, or never created).");
		}
		return ResponseEntity.noContent().build();
	}

}
