package dev.mqttchat.gateway.member;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.room.Member;
import dev.mqttchat.gateway.room.MemberRemovedEvent;
import dev.mqttchat.gateway.room.Role;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomMembers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A room's members and their roles under {@code /api/rooms/{id}/members}: owners and
 * moderators add and remove members, only the owner makes or unmakes moderators, anyone
 * may leave, and nobody changes or removes the owner. Needs sign-in ({@code 400} in open
 * mode).
 */
@RestController
@RequestMapping("/api/rooms/{id}/members")
@Tag(name = "Rooms")
class MemberController {

	private final boolean signIn;

	private final RoomMembers members;

	private final ApplicationEventPublisher events;

	MemberController(ChatProperties properties, RoomMembers members, ApplicationEventPublisher events) {
		this.signIn = properties.auth().signIn();
		this.members = members;
		this.events = events;
	}

	@GetMapping
	@Operation(summary = "List a room's members", description = "Each member's username and role.")
	List<Member> list(Room room) {
		signedIn();
		return this.members.list(room.id());
	}

	@PutMapping("/{username}")
	@Operation(summary = "Add a member or change a role",
			description = "Body {\"role\": \"member\"|\"moderator\"}; "
					+ "201 when added, 200 when changed. Owners and moderators add members; only the owner makes or "
					+ "unmakes moderators; the owner role is never given or changed.")
	ResponseEntity<Member> put(Room room, @PathVariable String username, @RequestBody @Nullable RoleRequest body,
			@Nullable Principal principal) {
		String me = signedIn(principal);
		String name = MemberNames.valid(username);
		Role wanted = (body != null) ? Role.of(body.role()) : null;
		if (wanted == null || wanted == Role.OWNER) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Invalid role",
					"role is \"member\" or \"moderator\"; a room has one owner, its creator.");
		}
		Role mine = this.members.roleOf(room.id(), me).orElse(null);
		Role theirs = this.members.roleOf(room.id(), name).orElse(null);
		if (theirs == Role.OWNER) {
			throw Problems.of(HttpStatus.CONFLICT, "The owner stays the owner", "The owner's role cannot be changed.");
		}
		boolean touchesModerators = wanted == Role.MODERATOR || theirs == Role.MODERATOR;
		if (mine == null || !mine.moderates() || (touchesModerators && mine != Role.OWNER)) {
			throw notAllowed(touchesModerators ? "Only the owner makes or unmakes moderators."
					: "Only the owner and moderators add members.");
		}
		boolean added = this.members.put(room.id(), name, wanted);
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(new Member(name, wanted));
	}

	@DeleteMapping("/{username}")
	@Operation(summary = "Remove a member", description = "Owners and moderators remove members (only the owner "
			+ "removes moderators); anyone may leave; the owner cannot be removed (409). Their open subscriptions "
			+ "to the room close at once.")
	ResponseEntity<Void> remove(Room room, @PathVariable String username, @Nullable Principal principal) {
		String me = signedIn(principal);
		String name = MemberNames.valid(username);
		Role mine = this.members.roleOf(room.id(), me).orElse(null);
		Role theirs = this.members.roleOf(room.id(), name).orElse(null);
		if (theirs == Role.OWNER) {
			throw Problems.of(HttpStatus.CONFLICT, "The owner stays", "The owner cannot be removed.");
		}
		boolean self = name.equals(me);
		boolean allowed = self || mine == Role.OWNER || (mine == Role.MODERATOR && theirs != Role.MODERATOR);
		if (mine == null || !allowed) {
			throw notAllowed("Only the owner and moderators remove members (only the owner removes moderators); "
					+ "a member may remove themselves.");
		}
		if (theirs == null || !this.members.remove(room.id(), name)) {
			throw Problems.of(HttpStatus.NOT_FOUND, "Not a member", name + " is not a member of this room.");
		}
		this.events.publishEvent(new MemberRemovedEvent(room.id(), name));
		return ResponseEntity.noContent().build();
	}

	private void signedIn() {
		if (!this.signIn) {
			throw Problems.of(HttpStatus.BAD_REQUEST, "Members need sign-in",
					"Room members exist only on a gateway with sign-in (CHAT_AUTH_MODE=oidc).");
		}
	}

	private String signedIn(@Nullable Principal principal) {
		signedIn();
		if (principal == null) {
			throw Problems.of(HttpStatus.UNAUTHORIZED, "Sign-in required",
					"Sign in first: this needs a signed-in name.");
		}
		return principal.getName();
	}

	private static ErrorResponseException notAllowed(String detail) {
		return Problems.of(HttpStatus.FORBIDDEN, "Not allowed", detail);
	}

	/**
	 * The body of {@code PUT /api/rooms/{id}/members/{username}}.
	 *
	 * @param role {@code member} or {@code moderator}
	 */
	record RoleRequest(@Nullable String role) {
	}

}
