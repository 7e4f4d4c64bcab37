package dev.mqttchat.gateway.chat;

import java.util.Optional;

/** Finds a stored message by its id, answered by the message store. */
public interface MessageLookup {

	/** The message with {@code id} in room {@code roomId}, if it is stored. */
	Optional<StoredMessage> findById(String roomId, String id);

}
