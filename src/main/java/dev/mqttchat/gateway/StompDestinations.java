package dev.mqttchat.gateway;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The STOMP destinations of the chat, defined once: where browsers subscribe, send, and
 * hear about refusals; a room's presence, typing and read markers are below its own.
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

	/**
	 * Where a client subscribes for a nonce to sign with its author key (answered once,
	 * to that subscription).
	 */
	public static final String KEY_CHALLENGE = "/app/author-key/challenge";

	/**
	 * Where a client subscribes, with {@code author} and {@code sig} headers, to prove
	 * its author key (answered once, to that subscription).
	 */
	public static final String KEY_PROOF = "/app/author-key/proof";

	/** Suffix of a room's presence destination: its roster, joins and leaves. */
	public static final String PRESENCE = "/presence";

	/** Suffix of a room's typing destination, to subscribe and to send. */
	public static final String TYPING = "/typing";

	/** Suffix of a room's read-marker destination, to subscribe and to send. */
	public static final String READ = "/read";

	/**
	 * Suffix of a room's activity destination: its messages as on the room's own
	 * destination, for pages that count a room's unread messages without being in it
	 * (subscribing there takes no seat in its presence).
	 */
	public static final String ACTIVITY = "/activity";

	/** The suffixes a room's subscription destination may have besides none. */
	private static final List<String> ROOM_TOPIC_SUFFIXES = List.of(PRESENCE, TYPING, READ, ACTIVITY);

	/** The suffixes a room's send destination may have besides none. */
	private static final List<String> ROOM_SEND_SUFFIXES = List.of(TYPING, READ);

	private StompDestinations() {
	}

	/** The destination browsers subscribe to for room {@code roomId}. */
	public static String roomTopic(String roomId) {
		return ROOM_TOPIC_PREFIX + roomId;
	}

	/**
	 * The destination browsers subscribe to for room {@code roomId}'s presence, typing or
	 * read markers ({@code suffix}).
	 */
	public static String roomTopic(String roomId, String suffix) {
		return ROOM_TOPIC_PREFIX + roomId + suffix;
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

	/**
	 * The room id of a subscription destination with {@code suffix} (one of
	 * {@link #PRESENCE}, {@link #TYPING}, {@link #READ}), or {@code null}.
	 */
	public static @Nullable String roomOfTopic(@Nullable String destination, String suffix) {
		return between(ROOM_TOPIC_PREFIX, destination, suffix);
	}

	/** The room id of a send destination with {@code suffix}, or {@code null}. */
	public static @Nullable String roomOfSend(@Nullable String destination, String suffix) {
		return between(ROOM_SEND_PREFIX, destination, suffix);
	}

	/**
	 * The room id of any destination a client may subscribe to for a room: the room
	 * itself, its presence, typing or read markers; {@code null} for anything else.
	 */
	public static @Nullable String roomOfAnyTopic(@Nullable String destination) {
		return anyOf(ROOM_TOPIC_PREFIX, destination, ROOM_TOPIC_SUFFIXES);
	}

	/**
	 * The room id of any destination a client may send to for a room, or {@code null}.
	 */
	public static @Nullable String roomOfAnySend(@Nullable String destination) {
		return anyOf(ROOM_SEND_PREFIX, destination, ROOM_SEND_SUFFIXES);
	}

	private static @Nullable String anyOf(String prefix, @Nullable String destination, List<String> suffixes) {
		String plain = between(prefix, destination, "");
		if (plain != null) {
			return plain;
		}
		for (String suffix : suffixes) {
			String room = between(prefix, destination, suffix);
			if (room != null) {
				return room;
			}
		}
		return null;
	}

	private static @Nullable String between(String prefix, @Nullable String destination, String suffix) {
		String rest = after(prefix, destination);
		if (rest == null || !rest.endsWith(suffix) || rest.length() == suffix.length()) {
			return null;
		}
		String room = rest.substring(0, rest.length() - suffix.length());
		return (room.indexOf('/') < 0) ? room : null;
	}

	private static @Nullable String after(String prefix, @Nullable String destination) {
		return (destination != null && destination.startsWith(prefix)) ? destination.substring(prefix.length()) : null;
	}

}
