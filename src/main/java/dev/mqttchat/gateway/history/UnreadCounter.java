package dev.mqttchat.gateway.history;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many messages of a room a reader has not read after a {@code seq}, and how many of
 * them mention the reader, read straight from the stored history.
 */
@Component
public class UnreadCounter {

	/** Counts stop here: "999+" says enough, and a forgotten room costs no full scan. */
	public static final int MAX_COUNTED = 999;

	private static final String UNREAD = "FROM message WHERE room_id = :room AND seq > :after AND type = 'message' "
			+ "AND deleted = FALSE AND (username IS NULL OR username <> :me)";

	private final JdbcClient jdbc;

	UnreadCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The unread messages of {@code roomId} after {@code after} for {@code reader} (their
	 * own not counted), each count at most {@link #MAX_COUNTED}.
	 */
	public Unread count(String roomId, long after, @Nullable String reader) {
		String me = (reader != null) ? reader : "";
		List<String> texts = this.jdbc.sql("SELECT text " + UNREAD + " ORDER BY seq DESC LIMIT :max")
			.param("room", roomId)
			.param("after", after)
			.param("me", me)
			.param("max", MAX_COUNTED)
			.query(String.class)
			.list();
		if (me.isEmpty()) {
			return new Unread(texts.size(), 0);
		}
		Pattern mention = mentionOf(me);
		int mentions = (int) texts.stream().filter((text) -> mention.matcher(text).find()).count();
		return new Unread(texts.size(), mentions);
	}

	/**
	 * What a mention of {@code name} looks like in a text, by the page's rule
	 * (mentions.js): "@" and the name, not glued to a word on either side, in any case.
	 */
	public static Pattern mentionOf(String name) {
		return Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_])@" + Pattern.quote(name) + "(?![\\p{L}\\p{M}\\p{N}_])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/**
	 * A room's unread count for one reader.
	 *
	 * @param messages unread messages by others
	 * @param mentions how many of them mention the reader
	 */
	public record Unread(int messages, int mentions) {
	}

}
