package dev.mqttchat.gateway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the reactions to one message ({@code chat.reactions.*}), where a browser
 * sends them and again where the store keeps them, so an MQTT client's reaction over a
 * limit is dropped and counted.
 *
 * @param maxDistinct the most different emoji (or tags, in an encrypted room) one message
 * carries; a reaction with another one is refused with {@code too-many-emoji}
 * @param maxPerPerson the most emoji one person (an author key with its name, or a name
 * without a key) has on one message; one more is refused with {@code too-many-reactions}
 * @param maxPerMessage the most reactions one message carries in all, so that its
 * {@code reactions} stay small in history; one more is refused with
 * {@code too-many-reactions}
 */
public record ReactionSettings(@DefaultValue("20") @Min(1) @Max(1000) int maxDistinct,
		@DefaultValue("10") @Min(1) @Max(1000) int maxPerPerson,
		@DefaultValue("1000") @Min(1) @Max(100000) int maxPerMessage) {
}
