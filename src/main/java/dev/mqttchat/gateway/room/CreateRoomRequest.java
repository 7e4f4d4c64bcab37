package dev.mqttchat.gateway.room;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/rooms}; every field is optional.
 *
 * @param name display name, 1-64 characters without control characters
 * @param visibility {@code private} (the default: only the link leads to it) or
 * {@code public} (listed)
 * @param encrypted whether the room is end-to-end encrypted (default {@code false})
 */
record CreateRoomRequest(
		@Nullable @Pattern(regexp = "(?=.*\\S)\\P{Cc}{1,64}",
				message = "must be 1-64 characters, not only spaces, without control characters") String name,
		@Nullable @Pattern(regexp = "public|private", message = "must be \"public\" or \"private\"") String visibility,
		@Nullable Boolean encrypted) {

	boolean encryptedOrDefault() {
		return Boolean.TRUE.equals(this.encrypted);
	}

	Visibility visibilityOrDefault() {
		return "public".equals(this.visibility) ? Visibility.PUBLIC : Visibility.PRIVATE;
	}

}
