package dev.mqttchat.gateway.room;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.UnicodeText;

/**
 * Body of {@code POST /api/rooms}; every field is optional.
 *
 * @param name display name, 1-64 characters without control characters
 * @param visibility {@code private} (the default: only the link leads to it) or
 * {@code public} (listed)
 * @param encrypted whether the room is end-to-end encrypted (default {@code false})
 * @param access {@code link} (the default: anyone with the link) or {@code members} (only
 * listed members; needs sign-in)
 */
record CreateRoomRequest(
		@Nullable @Pattern(regexp = "(?=.*\\S)\\P{Cc}{1,64}",
				message = "must be 1-64 characters, not only spaces, without control characters") String name,
		@Nullable @Pattern(regexp = "public|private", message = "must be \"public\" or \"private\"") String visibility,
		@Nullable Boolean encrypted,
		@Nullable @Pattern(regexp = "link|members", message = "must be \"link\" or \"members\"") String access) {

	/**
	 * A name must be valid Unicode too: the regular expression lets lone surrogates by.
	 */
	@JsonIgnore
	@AssertTrue(message = "must be valid Unicode: the name has a lone surrogate, or U+FFFE or U+FFFF")
	boolean isNameWellFormed() {
		return UnicodeText.isWellFormed(this.name);
	}

	boolean encryptedOrDefault() {
		return Boolean.TRUE.equals(this.encrypted);
	}

	Access accessOrDefault() {
		return Access.of(this.access);
	}

	Visibility visibilityOrDefault() {
		return "public".equals(this.visibility) ? Visibility.PUBLIC : Visibility.PRIVATE;
	}

}
