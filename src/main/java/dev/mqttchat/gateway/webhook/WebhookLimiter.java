package dev.mqttchat.gateway.webhook;

import dev.mqttchat.gateway.AddressAllowance;
import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.WebhookSettings;

import org.springframework.stereotype.Component;

/**
 * Limits how fast each webhook posts ({@code chat.webhooks.rate} per minute, a burst of
 * {@code chat.webhooks.burst}), so a leaked URL or a looping job cannot flood its room.
 */
@Component
class WebhookLimiter {

	private final AddressAllowance allowance;

	WebhookLimiter(ChatProperties properties) {
		WebhookSettings settings = properties.webhooks();
		this.allowance = new AddressAllowance(settings.burst(), settings.rate() / 60d);
	}

	/** Takes one post from webhook {@code id}'s allowance; else seconds to wait. */
	long secondsToWait(String id) {
		return this.allowance.secondsToWait(id);
	}

}
