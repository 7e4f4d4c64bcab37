package dev.mqttchat.gateway.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.room.Room;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Searches a room's history: {@code GET /api/rooms/{id}/search?q=&next=&limit=}, newest
 * hits first, for whoever may read the room's history.
 */
@RestController
@Tag(name = "History")
class SearchController {

	private static final int DEFAULT_LIMIT = 20;

	private static final int MAX_LIMIT = 50;

	private final MessageSearch search;

	SearchController(MessageSearch search) {
		this.search = search;
	}

	@GetMapping("/api/rooms/{id}/search")
	@Operation(summary = "Search a room's history", description = "Messages whose current text has every word of q "
			+ "at the start of one of its words, case-insensitive, newest first, each with a snippet around its first "
			+ "match (matches in Markdown bold). Pass `next` back for the following page. An end-to-end encrypted "
			+ "room cannot be searched by the server: 409.")
	SearchPage search(Room room, @RequestParam String q, @RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String limit) {
		SearchTerms terms;
		try {
			terms = SearchTerms.parse(q);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Invalid search", ex.getMessage());
		}
		long below = number(next, 1, Long.MAX_VALUE, Long.MAX_VALUE,
				"next is the value a search answered with (a positive whole number).");
		int size = (int) number(limit, 1, MAX_LIMIT, DEFAULT_LIMIT,
				"limit is a whole number from 1 to " + MAX_LIMIT + ".");
		if (room.encrypted()) {
			throw Problems.of(HttpStatus.CONFLICT, "Encrypted room",
					"This room is end-to-end encrypted: the server holds only ciphertext and cannot search it. "
							+ "Search the messages your device has opened instead.");
		}
		return this.search.search(room.id(), terms, below, size);
	}

	private static long number(@Nullable String value, long min, long max, long absent, String rule) {
		if (value == null) {
			return absent;
		}
		try {
			long number = Long.parseLong(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// The same answer as a number out of range.
		}
		throw Problems.of(HttpStatus.BAD_REQUEST, "Invalid search", rule);
	}

}
