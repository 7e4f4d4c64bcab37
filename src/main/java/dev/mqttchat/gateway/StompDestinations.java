package dev.mqttchat.gateway;

import org.jspecify.annotations.Nullable;

/**
 * The STOMP destinations of the chat, defined once: where browsers subscribe, send, and
 * hear about refusals.
 */
public final class StompDestinations {

	/**
	 * Prefix of a room's destination; a browser subscribes to {@code /topic/rooms/{id}}.
	 */
	public static final String ROOM_TOPIC_PREFIX = "/topic/rooms/";

	/**
	 * Prefix of a room's send destination; a browser sends to {@code /app/rooms/{id}}.
	 */
	public static final String ROOM_SEND_PREFIX = "/app/rooms/";

	/** Where a client subscribes for the refusals of its own frames. */
	public static final String ERROR_QUEUE = "/user/queue/errors";

	/** Where a client subscribes for the receipts of its own messages. */
	public static final String RECEIPT_QUEUE = "/user/queue/receipts";

	/** The receipt queue as the server addresses it to one session. */
	public static final String USER_RECEIPT_QUEUE = "/queue/receipts";

	/**
	 * The error queue as the server addresses it to one user (without the {@code /user}
	 * prefix).
	 */
	public static final String USER_ERROR_QUEUE = "/queue/errors";

	private StompDestinations() {
	}

	/** The destination browsers subscribe to for room {@code roomId}. */
	public static String roomTopic(String roomId) {
		return ROOM_TOPIC_PREFIX + roomId;
	}

	/** The destination browsers send to for room {@code roomId}. */
	public static String roomSend(String roomId) {
		return ROOM_SEND_PREFIX + roomId;
	}

	/**
	 * The room id a subscription destination names, or {@code null} if it names no room.
	 */
	public static @Nullable String roomOfTopic(@Nullable String destination) {
		return after(ROOM_TOPIC_PREFIX, destination);
	}

	/** The room id a send destination names, or {@code null} if it names no room. */
	public static @Nullable String roomOfSend(@Nullable String destination) {
		return after(ROOM_SEND_PREFIX, destination);
	}

	private static @Nullable String after(String prefix, @Nullable String destination) {
		return (destination != null && destination.startsWith(prefix)) ? destination.substring(prefix.length()) : null;
	}

}
