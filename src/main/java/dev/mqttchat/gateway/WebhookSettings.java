package dev.mqttchat.gateway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incoming webhooks ({@code chat.webhooks.*}): how fast one may post, and how many a room
 * may have.
 *
 * @param rate the messages one webhook may post per minute on average (on each gateway
 * instance); one more is answered {@code 429} with {@code Retry-After}
 * @param burst the messages one webhook may post at once before {@code rate} applies
 * @param maxPerRoom the most webhooks one room may have; one more is refused with
 * {@code 409}
 */
public record WebhookSettings(@DefaultValue("30") @Min(1) @Max(6000) int rate,
		@DefaultValue("10") @Min(1) @Max(1000) int burst, @DefaultValue("10") @Min(1) @Max(1000) int maxPerRoom) {
}
