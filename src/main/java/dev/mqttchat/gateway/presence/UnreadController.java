package dev.mqttchat.gateway.presence;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.Usernames;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.history.UnreadCounter;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/rooms/unread}: for each room a page lists, its newest {@code seq} and
 * how many messages by others (and mentions of the reader) came after the reader's
 * position, without opening the room.
 */
@RestController
@Tag(name = "Rooms")
class UnreadController {

	private final RoomRegistry rooms;

	private final RoomAccess access;

	private final MessageStore store;

	private final UnreadCounter counter;

	private final ReadMarkers markers;

	private final boolean signIn;

	UnreadController(RoomRegistry rooms, RoomAccess access, MessageStore store, UnreadCounter counter,
			ReadMarkers markers, ChatProperties properties) {
		this.rooms = rooms;
		this.access = access;
		this.store = store;
		this.counter = counter;
		this.markers = markers;
		this.signIn = properties.auth().signIn();
	}

	@PostMapping("/api/rooms/unread")
	@Operation(summary = "Count unread messages across rooms",
			description = "For each room: its newest seq, the messages by others after `after` (or, without it, "
					+ "after the reader's read marker this gateway knows), and how many of them mention the reader "
					+ "(counts stop at 999). Rooms that do not exist, or not for this reader, are listed in `missing`.")
	UnreadResponse unread(@RequestBody @Valid UnreadRequest request, @Nullable Principal principal) {
		String reader = reader(request, principal);
		List<RoomUnread> counted = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (UnreadRequest.Position position : request.rooms()) {
			var room = this.rooms.find(position.id()).filter((found) -> this.access.mayOpen(found, reader));
			if (room.isEmpty()) {
				missing.add(position.id());
				continue;
			}
			long latest = this.store.latestSeq(position.id());
			long after = (position.after() != null) ? position.after()
					: (reader != null) ? this.markers.seqOf(position.id(), reader) : 0;
			UnreadCounter.Unread unread = (after >= latest) ? new UnreadCounter.Unread(0, 0)
					: this.counter.count(position.id(), after, reader);
			counted.add(new RoomUnread(position.id(), latest, unread.messages(), unread.mentions()));
		}
		return new UnreadResponse(counted, missing);
	}

	/** Signed in, the session's name; otherwise the name the page uses, if any. */
	private @Nullable String reader(UnreadRequest request, @Nullable Principal principal) {
		if (this.signIn) {
			return (principal != null) ? principal.getName() : null;
		}
		String name = request.username();
		if (name != null && Usernames.normalized(name) == null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"username: " + Usernames.whyRefused(name));
			problem.setTitle("Invalid username");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		return (name != null) ? Usernames.normalized(name) : null;
	}

	/**
	 * One room's count.
	 *
	 * @param id the room
	 * @param latestSeq its newest message's {@code seq}, 0 if none
	 * @param unread messages by others after the reader's position (at most 999)
	 * @param mentions how many of those mention the reader as {@code @name}
	 */
	record RoomUnread(String id, long latestSeq, int unread, int mentions) {
	}

	/**
	 * The answer.
	 *
	 * @param rooms the rooms counted, in the order asked
	 * @param missing rooms that do not exist, or not for this reader
	 */
	record UnreadResponse(List<RoomUnread> rooms, List<String> missing) {
	}

}
