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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A thread: {@code GET /api/rooms/{id}/threads/{rootId}?limit=&after=}, its root and
 * replies by sequence number.
 */
@RestController
@Tag(name = "History")
class ThreadController {

	private final ThreadReader threads;

	ThreadController(ThreadReader threads) {
		this.threads = threads;
	}

	@GetMapping("/api/rooms/{id}/threads/{rootId}")
	@Operation(summary = "Read a thread", description = "The root and its replies in ascending seq order, the "
			+ "oldest limit after `after` (the root only on the page that reaches back to it). 404 if the room has no "
			+ "message rootId that starts a thread.")
	List<StoredMessage> thread(Room room, @PathVariable String rootId,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Nullable @Min(0) Long after) {
		return this.threads.thread(room.id(), rootId, (after != null) ? after : 0L, limit)
			.orElseThrow(ThreadController::noSuchRoot);
	}

	private static ErrorResponseException noSuchRoot() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"This room has no message with this id that starts a thread (a reply belongs to its root's thread).");
		problem.setTitle("Thread not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
