package dev.mqttchat.gateway.presence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What this instance tells the other instances and the MQTT clients of a room: one of its
 * web users came or went, typed, or read up to a message.
 */
public sealed interface PresenceSignal {

	/** The room the signal is about. */
	String roomId();

	/** Who the signal is about. */
	String username();

	/**
	 * A web user is in the room through this instance.
	 *
	 * @param roomId the room
	 * @param username the user
	 * @param since when their first session here subscribed to the room
	 * @param author the author key their sessions proved, or {@code null}
	 */
	record Online(String roomId, String username, Instant since, @Nullable String author) implements PresenceSignal {
	}

	/**
	 * A web user's last session in the room on this instance went.
	 *
	 * @param roomId the room
	 * @param username the user
	 * @param author the author key their sessions proved, or {@code null}
	 */
	record Offline(String roomId, String username, @Nullable String author) implements PresenceSignal {
	}

	/**
	 * A web user is typing.
	 *
	 * @param roomId the room
	 * @param username the user
	 */
	record Typing(String roomId, String username) implements PresenceSignal {
	}

	/**
	 * A web user has read the room up to message {@code seq}.
	 *
	 * @param roomId the room
	 * @param username the reader
	 * @param seq the newest message they have seen
	 */
	record Read(String roomId, String username, long seq) implements PresenceSignal {
	}

}
