package dev.mqttchat.gateway.room;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An issued room: its id is the only key to it.
 *
 * @param id random id from {@code [A-Za-z0-9]}
 * @param name optional display name
 * @param topic the MQTT topic the room lives on
 * @param createdAt when it was issued
 * @param visibility whether {@code GET /api/rooms} lists it
 */
public record Room(String id, @Nullable String name, String topic, Instant createdAt, Visibility visibility) {

	/** The STOMP destination browsers subscribe to. */
	public String destination() {
		return "/topic/rooms/" + this.id;
	}

	/** The STOMP destination browsers send to. */
	public String sendDestination() {
		return "/app/rooms/" + this.id;
	}

}
