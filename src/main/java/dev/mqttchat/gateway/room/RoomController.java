package dev.mqttchat.gateway.room;

import java.net.URI;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issues rooms and describes them: {@code POST /api/rooms} and {@code GET /api/rooms/{id}}. */
@RestController
@RequestMapping("/api/rooms")
class RoomController {

	private final RoomRegistry rooms;

	RoomController(RoomRegistry rooms) {
		this.rooms = rooms;
	}

	@PostMapping
	ResponseEntity<RoomResponse> create(@RequestBody(required = false) @Valid @Nullable CreateRoomRequest request) {
		Room room = this.rooms.create((request != null) ? request.name() : null);
		return ResponseEntity.created(URI.create("/api/rooms/" + room.id())).body(RoomResponse.of(room));
	}

	@GetMapping("/{id}")
	RoomResponse get(@PathVariable String id) {
		return this.rooms.find(id).map(RoomResponse::of).orElseThrow(() -> notFound(id));
	}

	private ErrorResponseException notFound(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No room has this id. Room ids are issued by POST /api/rooms.");
		problem.setTitle("Room not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
