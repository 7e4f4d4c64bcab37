package dev.mqttchat.gateway.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hit's snippet: about {@value #LENGTH} characters of the message on one line around
 * its first match, each matching word in Markdown bold, everything else's Markdown-active
 * punctuation escaped with a backslash, and "…" where text was cut. Made here rather than
 * by either database so that it is the same on both.
 */
final class Snippets {

	/** The most characters of the message a snippet shows. */
	static final int LENGTH = 160;

	/** How much text, at most, comes before the first match. */
	private static final int LEAD = 40;

	private static final String ELLIPSIS = "…";

	private static final Pattern SPACES = Pattern.compile("(?U)\\s+");

	private static final String ESCAPED = "\\*_`~[]#>";

	private Snippets() {
	}

	/** The snippet of {@code text} for {@code terms}. */
	static String of(String text, SearchTerms terms) {
		String line = SPACES.matcher(text.strip()).replaceAll(" ");
		if (line.isEmpty()) {
			return "";
		}
		List<int[]> matches = new ArrayList<>();
		Matcher word = SearchTerms.WORD.matcher(line);
		while (word.find()) {
			if (terms.matches(word.group())) {
				matches.add(new int[] { word.start(), word.end() });
			}
		}
		int first = matches.isEmpty() ? 0 : matches.get(0)[0];
		int start = wordStart(line, Math.max(0, first - LEAD), first);
		int end = Math.min(line.length(), start + LENGTH);
		if (end == line.length() && start > 0) {
			// A match near the end: show more of what comes before it.
			start = wordStart(line, Math.max(0, end - LENGTH), first);
		}
		end = wordEnd(line, start, end, matches.isEmpty() ? 0 : matches.get(0)[1]);
		StringBuilder snippet = new StringBuilder((start > 0) ? ELLIPSIS : "");
		int at = start;
		for (int[] match : matches) {
			if (match[1] <= start || match[0] >= end) {
				continue;
			}
			escape(line, at, Math.max(at, match[0]), snippet);
			snippet.append("**").append(line, Math.max(at, match[0]), Math.min(end, match[1])).append("**");
			at = Math.min(end, match[1]);
		}
		escape(line, at, end, snippet);
		return snippet.append((end < line.length()) ? ELLIPSIS : "").toString();
	}

	/**
	 * Where a snippet starting near {@code from} begins: after the space that ends a word
	 * it would cut, but never past the first match.
	 */
	private static int wordStart(String line, int from, int first) {
		int start = from;
		if (start > 0 && line.charAt(start - 1) != ' ') {
			int space = line.indexOf(' ', start);
			start = (space >= 0 && space < first) ? space + 1 : start;
		}
		return Character.isLowSurrogate(line.charAt(Math.min(start, line.length() - 1))) ? start + 1 : start;
	}

	/**
	 * Where a snippet ending near {@code to} ends: before the word it would cut, but
	 * never before the end of the first match.
	 */
	private static int wordEnd(String line, int start, int to, int firstEnd) {
		int end = to;
		if (end < line.length() && line.charAt(end) != ' ') {
			int space = line.lastIndexOf(' ', end);
			end = (space > start && space >= firstEnd) ? space : end;
		}
		end = (end > start && end < line.length() && Character.isHighSurrogate(line.charAt(end - 1))) ? end - 1 : end;
		while (end > start && line.charAt(end - 1) == ' ') {
			end--;
		}
		return end;
	}

	private static void escape(String line, int from, int to, StringBuilder snippet) {
		for (int i = from; i < to; i++) {
			char c = line.charAt(i);
			if (ESCAPED.indexOf(c) >= 0) {
				snippet.append('\\');
			}
			snippet.append(c);
		}
	}

}
