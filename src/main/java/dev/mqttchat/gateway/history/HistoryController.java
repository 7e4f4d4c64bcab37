package dev.mqttchat.gateway.history;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.room.Room;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A room's history: {@code GET /api/rooms/{id}/messages?limit=&before=&after=} or
 * {@code ?around=}, by sequence number.
 */
@RestController
@Tag(name = "History")
class HistoryController {

	private final MessageStore store;

	private final HistoryAround around;

	private final ThreadReader threads;

	HistoryController(MessageStore store, HistoryAround around, ThreadReader threads) {
		this.store = store;
		this.around = around;
		this.threads = threads;
	}

	@GetMapping("/api/rooms/{id}/messages")
	@Operation(summary = "Read a room's history", description = "Messages in ascending seq order: the newest "
			+ "limit before `before`, or, with only `after`, the oldest limit after it, so a reader catching up never "
			+ "skips one; with `around` (alone), about half the page up to and including that seq and the rest "
			+ "after it. A thread's root carries `replies` and `lastReplyAt`.")
	List<StoredMessage> messages(Room room, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Nullable @Min(0) Long before,
			@RequestParam(required = false) @Nullable @Min(0) Long after,
			@RequestParam(required = false) @Nullable @Min(0) Long around) {
		if (around == null) {
			return this.threads.counted(room.id(), this.store.page(room.id(), before, after, limit));
		}
		if (before != null || after != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"around asks for the page around one message: use it without before and after.");
			problem.setTitle("Invalid history request");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		return this.threads.counted(room.id(), this.around.page(room.id(), around, limit));
	}

}
