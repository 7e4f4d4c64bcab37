package dev.mqttchat.gateway;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for text that enters from outside (STOMP, MQTT, REST): well-formed UTF-16,
 * so that it can be encoded as UTF-8 for every reader.
 * <p>
 * The JSON escape of U+D800 decodes to a lone surrogate, which no UTF-8 encoder takes: a
 * body carrying one cannot be written to any subscriber. Noncharacters U+FFFE and U+FFFF
 * are refused with it (a byte-swapped mark, never text), and message text takes no
 * control character but tab, line feed and carriage return.
 */
public final class UnicodeText {

	/** The rule in words, for refusals. */
	public static final String RULE = "text must be valid Unicode: no lone surrogate (such as \\ud800), "
			+ "no U+FFFE or U+FFFF, and no control character but tab and line breaks";

	private UnicodeText() {
	}

	/**
	 * Whether {@code value} can be encoded as UTF-8: it holds no lone surrogate.
	 * {@code null} is absent, so it is fine.
	 */
	public static boolean isEncodable(@Nullable CharSequence value) {
		return firstFault(value, false, false) < 0;
	}

	/**
	 * Whether {@code value} is encodable and holds neither U+FFFE nor U+FFFF: the rule of
	 * names, ids and emoji (whose own rules refuse control characters).
	 */
	public static boolean isWellFormed(@Nullable CharSequence value) {
		return firstFault(value, true, false) < 0;
	}

	/**
	 * Whether {@code value} is well formed and has no control character (U+0000 to
	 * U+001F) other than tab, line feed and carriage return: the rule of message text.
	 */
	public static boolean isText(@Nullable CharSequence value) {
		return firstFault(value, true, true) < 0;
	}

	/**
	 * Whether every string in {@code values}, and in the lists and maps among them (as
	 * JSON is read loosely), keys too, is {@link #isWellFormed well formed}; other values
	 * (numbers, {@code null}) are fine.
	 */
	public static boolean allWellFormed(@Nullable Object... values) {
		for (Object value : values) {
			if (!wellFormedTree(value)) {
				return false;
			}
		}
		return true;
	}

	private static boolean wellFormedTree(@Nullable Object value) {
		if (value instanceof CharSequence text) {
			return isWellFormed(text);
		}
		if (value instanceof Iterable<?> items) {
			for (Object item : items) {
				if (!wellFormedTree(item)) {
					return false;
				}
			}
		}
		if (value instanceof Map<?, ?> map) {
			return allWellFormed(map.keySet(), map.values());
		}
		return true;
	}

	/** The index of the first char breaking the rule, -1 for none. */
	private static int firstFault(@Nullable CharSequence value, boolean noNoncharacters, boolean noControls) {
		if (value == null) {
			return -1;
		}
		int length = value.length();
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c) || (noNoncharacters && (c == '\uFFFE' || c == '\uFFFF'))
					|| (noControls && c < ' ' && c != '\t' && c != '\n' && c != '\r')) {
				return i;
			}
		}
		return -1;
	}

}
