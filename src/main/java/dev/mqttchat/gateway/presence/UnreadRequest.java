package dev.mqttchat.gateway.presence;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/rooms/unread}.
 *
 * @param username the reader's name on a gateway without sign-in (signed in, the
 * session's name counts instead); without one, nothing counts as a mention and no message
 * as the reader's own
 * @param rooms the rooms to count, at most 100
 */
record UnreadRequest(@Nullable String username, @NotNull @Size(max = 100) List<@Valid @NotNull Position> rooms) {

	/**
	 * Where the reader is in one room.
	 *
	 * @param id the room's id
	 * @param after the last {@code seq} the reader has read; without it, the read marker
	 * this gateway knows for the reader
	 */
	record Position(@NotNull @Pattern(regexp = "[A-Za-z0-9]{1,64}", message = "must be a room id") String id,
			@Nullable @Min(0) Long after) {
	}

}
