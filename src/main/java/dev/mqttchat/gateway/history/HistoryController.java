package dev.mqttchat.gateway.history;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.room.Room;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A room's history: {@code GET /api/rooms/{id}/messages?limit=&before=&after=}, by
 * sequence number.
 */
@RestController
@Tag(name = "History")
class HistoryController {

	private final MessageStore store;

	private final ThreadReader threads;

	HistoryController(MessageStore store, ThreadReader threads) {
		this.store = store;
		this.threads = threads;
	}

	@GetMapping("/api/rooms/{id}/messages")
	@Operation(summary = "Read a room's history", description = "Messages in ascending seq order: the newest "
			+ "limit before `before`, or, with only `after`, the oldest limit after it, so a reader catching up never "
			+ "skips one. A thread's root carries `replies` and `lastReplyAt`.")
	List<StoredMessage> messages(Room room, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Nullable @Min(0) Long before,
			@RequestParam(required = false) @Nullable @Min(0) Long after) {
		return this.threads.counted(room.id(), this.store.page(room.id(), before, after, limit));
	}

}
