package dev.mqttchat.gateway.room;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
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

/** Issues rooms and describes them: {@code POST /api/rooms}, {@code GET /api/rooms/{id}}, and the public list. */
@RestController
@RequestMapping("/api/rooms")
class RoomController {

	private static final int PUBLIC_LIST_LIMIT = 100;

	private final RoomRegistry rooms;

	private final RoomCreationLimiter limiter;

	RoomController(RoomRegistry rooms, RoomCreationLimiter limiter) {
		this.rooms = rooms;
		this.limiter = limiter;
	}

	@PostMapping
	ResponseEntity<RoomResponse> create(@RequestBody(required = false) @Valid @Nullable CreateRoomRequest request,
			HttpServletRequest http) {
		long wait = this.limiter.secondsToWait(http.getRemoteAddr());
		if (wait > 0) {
			throw tooManyRooms(wait);
		}
		Room room = (request != null) ? this.rooms.create(request.name(), request.visibilityOrDefault())
				: this.rooms.create(null);
		return ResponseEntity.created(URI.create("/api/rooms/" + room.id())).body(RoomResponse.of(room));
	}

	@GetMapping
	List<RoomResponse> listPublic() {
		return this.rooms.publicRooms(PUBLIC_LIST_LIMIT).stream().map(RoomResponse::of).toList();
	}

	@GetMapping("/{id}")
	RoomResponse get(@PathVariable String id, HttpServletRequest http) {
		return this.rooms.findLiteral(id, http.getRequestURI()).map(RoomResponse::of).orElseThrow(() -> notFound(id));
	}

	private ErrorResponseException tooManyRooms(long retryAfterSeconds) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many rooms created from this address; try again in " + retryAfterSeconds + " s.");
		problem.setTitle("Too many rooms");
		ErrorResponseException error = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return error;
	}

	private ErrorResponseException notFound(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No room has this id. Room ids are issued by POST /api/rooms.");
		problem.setTitle("Room not found");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

}
