package dev.mqttchat.gateway.history;

import java.util.List;

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
class HistoryController {

	private final MessageStore store;

	HistoryController(MessageStore store) {
		this.store = store;
	}

	@GetMapping("/api/rooms/{id}/messages")
	List<StoredMessage> messages(Room room, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Nullable @Min(0) Long before,
			@RequestParam(required = false) @Nullable @Min(0) Long after) {
		return this.store.page(room.id(), before, after, limit);
	}

}
