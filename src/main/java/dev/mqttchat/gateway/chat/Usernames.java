package dev.mqttchat.gateway.chat;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.UnicodeText;

/**
 * The one rule for usernames, at every entrance (STOMP CONNECT and SEND, MQTT messages,
 * presence, typing and read payloads): a name is kept in its NFKC form, and a name with a
 * character that is invisible or turns the text's direction is refused, since it lets one
 * name pass for another.
 */
public final class Usernames {

	/** The rule, in words. */
	public static final String RULE = "a username is 1-32 characters, not only spaces, without control, invisible "
			+ "(zero-width) or text-direction characters; it is kept in its Unicode NFKC form.";

	/**
	 * Characters that show nothing or reorder what follows: control (Cc) and format (Cf:
	 * zero-width space and joiners, U+2060, U+FEFF, bidi marks, embeddings, overrides and
	 * isolates, U+061C, U+180E, tags), line and paragraph separators, and the
	 * default-ignorable letters that render blank (U+034F, the Hangul fillers, Khmer
	 * U+17B4-17B5, Mongolian selectors).
	 */
	private static final Pattern DECEPTIVE = Pattern
		.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u3164\\uFFA0]");

	private static final int MAX_LENGTH = 32;

	private Usernames() {
	}

	/**
	 * {@code raw} as the chat keeps it (NFKC, stripped), or {@code null} if it breaks the
	 * rule.
	 */
	public static @Nullable String normalized(@Nullable String raw) {
		if (raw == null || !UnicodeText.isWellFormed(raw) || deceptive(raw) != null) {
			return null;
		}
		String name = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		// NFKC may make a longer name, or (rarely) a character the rule refuses.
		return (!name.isEmpty() && name.length() <= MAX_LENGTH && deceptive(name) == null) ? name : null;
	}

	/**
	 * The first invisible or direction character of {@code raw} (stripped) as
	 * {@code U+XXXX}, or {@code null} if it has none.
	 */
	public static @Nullable String deceptive(String raw) {
		// Whitespace at either end (a tab, a newline) is stripped as before, not refused.
		String name = raw.strip();
		Matcher matcher = DECEPTIVE.matcher(name);
		return matcher.find() ? String.format("U+%04X", name.codePointAt(matcher.start())) : null;
	}

	/** Why {@code raw} is refused, in words (for a name {@link #normalized} refuses). */
	public static String whyRefused(@Nullable String raw) {
		String character = (raw != null) ? deceptive(raw) : null;
		return (character != null) ? "the username holds " + character + ", an invisible or text-direction "
				+ "character that would let it pass for another name; " + RULE : RULE;
	}

}
