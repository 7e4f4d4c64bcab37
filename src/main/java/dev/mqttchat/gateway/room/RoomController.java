package dev.mqttchat.gateway.room;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.Problems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Issues, describes, lists and deletes rooms under {@code /api/rooms}. */
@RestController
@RequestMapping("/api/rooms")
@Tag(name = "Rooms")
class RoomController {

	private static final int PUBLIC_LIST_LIMIT = 100;

	private static final String BEARER = "Bearer ";

	private final RoomRegistry rooms;

	private final RoomCreationLimiter limiter;

	private final RoomTopicResolver topics;

	private final boolean signIn;

	private final ObjectProvider<RoomMembers> members;

	RoomController(RoomRegistry rooms, RoomCreationLimiter limiter, RoomTopicResolver topics, ChatProperties properties,
			ObjectProvider<RoomMembers> members) {
		this.signIn = properties.auth().signIn();
		this.members = members;
		this.rooms = rooms;
		this.limiter = limiter;
		this.topics = topics;
	}

	@PostMapping
	@Operation(summary = "Issue a room", description = "A new room with a random id and a secret owner token, "
			+ "shown this once. Private rooms are reached only through their link; public ones are listed.")
	ResponseEntity<CreatedRoomResponse> create(
			@RequestBody(required = false) @Valid @Nullable CreateRoomRequest request, HttpServletRequest http,
			@Nullable Principal principal) {
		Access access = (request != null) ? request.accessOrDefault() : Access.LINK;
		if (access == Access.MEMBERS && !this.signIn) {
			throw RoomProblems.needsSignIn();
		}
		if (access == Access.MEMBERS && request != null && request.visibilityOrDefault() == Visibility.PUBLIC) {
			throw problem(HttpStatus.BAD_REQUEST, "Members rooms are not listed",
					"A members room cannot be public: only its members may see it.");
		}
		long wait = this.limiter.secondsToWait(http.getRemoteAddr());
		if (wait > 0) {
			throw tooManyRooms(wait);
		}
		// Signed in, the creator owns the room as a member too (roles, moderation).
		String owner = (this.signIn && principal != null) ? principal.getName() : null;
		RoomRegistry.IssuedRoom issued = (request != null) ? this.rooms.create(request.name(),
				request.visibilityOrDefault(), request.encryptedOrDefault(), access, owner)
				: this.rooms.create(null, Visibility.PRIVATE, false, Access.LINK, owner);
		// Absolute, as the client sees this server: behind a trusted proxy, the proxy's
		// scheme, host and port.
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/rooms/{id}")
			.buildAndExpand(issued.room().id())
			.toUri();
		return ResponseEntity.created(location).body(CreatedRoomResponse.of(issued, this.topics));
	}

	@GetMapping
	@Operation(summary = "List public rooms", description = "The newest 100 public rooms.")
	List<RoomResponse> listPublic() {
		return this.rooms.publicRooms(PUBLIC_LIST_LIMIT)
			.stream()
			.map((room) -> RoomResponse.of(room, this.topics))
			.toList();
	}

	@GetMapping("/mine")
	@Operation(summary = "List my rooms", description = "The rooms the signed-in person is a member of (any role), "
			+ "newest first, each with their role; needs sign-in (400 in open mode, 401 without a signed-in name).")
	List<MyRoomResponse> mine(@Nullable Principal principal) {
		if (!this.signIn) {
			throw RoomProblems.needsSignIn();
		}
		if (principal == null) {
			throw RoomProblems.notSignedIn();
		}
		return this.members.getObject()
			.roomsOf(principal.getName())
			.stream()
			.map((mine) -> MyRoomResponse.of(mine, this.topics))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Describe a room", description = "Its name, MQTT topic and STOMP destinations.")
	RoomResponse get(Room room) {
		return RoomResponse.of(room, this.topics);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a room", description = "Removes the room and its history on every instance; needs "
			+ "Authorization: Bearer {ownerToken}.")
	ResponseEntity<Void> delete(Room room,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (authorization == null || !authorization.startsWith(BEARER)) {
			ErrorResponseException missing = problem(HttpStatus.UNAUTHORIZED, "Owner token required",
					"Deleting a room needs its owner token: Authorization: Bearer {ownerToken} from POST /api/rooms.");
			missing.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			throw missing;
		}
		if (!this.rooms.isOwner(room.id(), authorization.substring(BEARER.length()).strip())) {
			throw problem(HttpStatus.FORBIDDEN, "Not the owner", "This token does not own the room.");
		}
		this.rooms.delete(room.id());
		return ResponseEntity.noContent().build();
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		return Problems.of(status, title, detail);
	}

	private static ErrorResponseException tooManyRooms(long retryAfterSeconds) {
		ErrorResponseException error = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many rooms",
				"Too many rooms created from this address; try again in " + retryAfterSeconds + " s.");
		error.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		return error;
	}

}
