package dev.mqttchat.gateway.history;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A room's history: {@code GET /api/rooms/{id}/messages?limit=&before=&after=}, by sequence number. */
@RestController
class HistoryController {

	private final RoomRegistry rooms;

	private final MessageStore store;

	HistoryController(RoomRegistry rooms, MessageStore store) {
		this.rooms = rooms;
		this.store = store;
	}

	@GetMapping("/api/rooms/{id}/messages")
	List<StoredMessage> messages(@PathVariable String id,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) @Nullable @Min(0) Long before,
			@RequestParam(required = false) @Nullable @Min(0) Long after, HttpServletRequest request) {
		String path = request.getRequestURI();
		String roomPath = path.substring(0, path.length() - "/messages".length());
		Room room = this.rooms.findLiteral(id, roomPath).orElseThrow(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No room has this id. Room ids are issued by POST /api/rooms.");
			problem.setTitle("Room not found");
			return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		});
		return this.store.page(room.id(), before, after, limit);
	}

}
