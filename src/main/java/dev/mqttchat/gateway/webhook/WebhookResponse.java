package dev.mqttchat.gateway.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One webhook in {@code GET /api/rooms/{id}/webhooks}.
 *
 * @param id its id
 * @param name its label, if it has one
 * @param createdAt when it was created
 */
record WebhookResponse(String id, @Nullable String name, Instant createdAt) {

	static WebhookResponse of(Webhook webhook) {
		return new WebhookResponse(webhook.id(), webhook.name(), webhook.createdAt());
	}

}
