package dev.mqttchat.gateway.webhook;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.room.Role;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who may manage a room's webhooks: whoever holds its owner token (as for deleting the
 * room), and with sign-in also the person whose role in the room is owner.
 */
@Component
class WebhookOwners {

	private static final String BEARER = "Bearer ";

	private final RoomRegistry rooms;

	private final RoomAccess access;

	private final boolean signIn;

	WebhookOwners(RoomRegistry rooms, RoomAccess access, ChatProperties properties) {
		this.rooms = rooms;
		this.access = access;
		this.signIn = properties.auth().signIn();
	}

	/** Refuses the request ({@code 401}, {@code 403}) unless it comes from the owner. */
	void check(Room room, @Nullable String authorization, @Nullable Principal principal) {
		if (this.signIn && principal != null
				&& this.access.roleOf(room.id(), principal.getName())
					.filter((role) -> role == Role.OWNER)
					.isPresent()) {
			return;
		}
		if (authorization == null || !authorization.startsWith(BEARER)) {
			ErrorResponseException missing = Problems.of(HttpStatus.UNAUTHORIZED, "Owner token required",
					"A room's webhooks need its owner token: Authorization: Bearer {ownerToken} from POST /api/rooms.");
			missing.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			throw missing;
		}
		if (!this.rooms.isOwner(room.id(), authorization.substring(BEARER.length()).strip())) {
			throw Problems.of(HttpStatus.FORBIDDEN, "Not the owner", "This token does not own the room.");
		}
	}

}
