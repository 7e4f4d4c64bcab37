package dev.mqttchat.gateway.chat;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Until when a mute holds: an instant, or none when the mute is lifted. A mute entry
 * always shows its {@code until}, as JSON {@code null} when lifted, while other entries
 * have none at all.
 *
 * @param at the end of the mute, {@code null} for a lifted one
 */
public record MuteUntil(@Nullable Instant at) {

	@JsonValue
	@Nullable String json() {
		return (this.at != null) ? this.at.toString() : null;
	}

}
