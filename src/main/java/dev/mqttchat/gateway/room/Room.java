package dev.mqttchat.gateway.room;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.StompDestinations;

/**
 * An issued room: its id is the only key to it.
 *
 * @param id random id from {@code [A-Za-z0-9]}
 * @param name optional display name
 * @param createdAt when it was issued
 * @param visibility whether {@code GET /api/rooms} lists it
 * @param encrypted whether its messages are end-to-end encrypted: the gateway stores and
 * forwards only ciphertext and refuses plaintext
 * @param access whether anyone with the link or only its members may open it
 */
public record Room(String id, @Nullable String name, Instant createdAt, Visibility visibility, boolean encrypted,
		Access access) {

	/** A room anyone with its link may open. */
	public Room(String id, @Nullable String name, Instant createdAt, Visibility visibility, boolean encrypted) {
		this(id, name, createdAt, visibility, encrypted, Access.LINK);
	}

	/** The STOMP destination browsers subscribe to. */
	public String destination() {
		return StompDestinations.roomTopic(this.id);
	}

	/** The STOMP destination browsers send to. */
	public String sendDestination() {
		return StompDestinations.roomSend(this.id);
	}

}
