package dev.mqttchat.gateway.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a search looks for, lower case: a message matches when each of them begins
 * one of its words (so the last, still being typed, matches as a prefix too).
 *
 * @param words one or more words of letters, digits and combining marks
 */
record SearchTerms(List<String> words) {

	/** A word: what the snippet marks and what a term must begin. */
	static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

	/** The longest query taken, in characters. */
	static final int MAX_LENGTH = 200;

	/** The most words a query may have. */
	static final int MAX_WORDS = 10;

	SearchTerms {
		words = List.copyOf(words);
	}

	/**
	 * The words of {@code query}.
	 * @throws IllegalArgumentException saying what is wrong with it, for the reader
	 */
	static SearchTerms parse(String query) {
		String trimmed = query.strip();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException("q is empty: say what to search for, e.g. q=deploy.");
		}
		if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
			throw new IllegalArgumentException("q is longer than " + MAX_LENGTH + " characters.");
		}
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(trimmed);
		while (matcher.find()) {
			String word = matcher.group().toLowerCase(Locale.ROOT);
			if (!words.contains(word)) {
				words.add(word);
			}
		}
		if (words.isEmpty()) {
			throw new IllegalArgumentException("q has no letters or digits to search for.");
		}
		if (words.size() > MAX_WORDS) {
			throw new IllegalArgumentException("q has more than " + MAX_WORDS + " words.");
		}
		return new SearchTerms(words);
	}

	/** Whether {@code word} (as it stands in a message) begins with one of the terms. */
	boolean matches(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return this.words.stream().anyMatch(lower::startsWith);
	}

}
