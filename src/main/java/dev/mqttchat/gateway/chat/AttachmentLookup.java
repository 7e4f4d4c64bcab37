package dev.mqttchat.gateway.chat;

import java.util.Optional;

/** Finds an uploaded picture of a room, answered by the attachment store. */
public interface AttachmentLookup {

	/** An uploaded picture and whether a message carries it already. */
	record Found(MessageAttachment attachment, boolean claimed) {
	}

	/** The picture {@code id} of room {@code roomId}, if it was uploaded there. */
	Optional<Found> find(String roomId, String id);

}
