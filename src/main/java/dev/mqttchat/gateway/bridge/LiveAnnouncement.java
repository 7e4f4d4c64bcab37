package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the storing instance publishes on a room's live topic: the stored message's
 * sequence number and which instance stored it, so that instance (which delivered it
 * already) skips its own announcement.
 *
 * @param seq the stored message's sequence number in its room
 * @param instance the id of the storing gateway instance; empty from gateways that did
 * not send one
 */
record LiveAnnouncement(long seq, String instance) {

	byte[] toJson() {
		// The instance id is generated from [A-Za-z0-9_-], so it needs no escaping.
		return ("{\"seq\":" + this.seq + ",\"instance\":\"" + this.instance + "\"}")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * The announcement in {@code payload}, or empty for anything else published on a live
	 * topic.
	 */
	static Optional<LiveAnnouncement> parse(JsonMapper json, byte[] payload) {
		try {
			@Nullable Wire wire = json.readValue(payload, Wire.class);
			if (wire == null) {
				return Optional.empty();
			}
			long seq = (wire.seq() instanceof Integer i) ? i : (wire.seq() instanceof Long l) ? l : 0;
			if (seq > 0) {
				return Optional.of(new LiveAnnouncement(seq, (wire.instance() instanceof String s) ? s : ""));
			}
		}
		catch (JacksonException ex) {
			// Not an announcement: someone else published on the live topic.
		}
		return Optional.empty();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Wire(@Nullable Object seq, @Nullable Object instance) {
	}

}
