package dev.mqttchat.gateway.room;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A member's role in a room: the creator owns it, moderators help run it. */
public enum Role {

	/** Created the room; cannot be removed or changed. */
	@JsonProperty("owner")
	OWNER("owner"),

	/** May add and remove members, remove anyone's message and mute people. */
	@JsonProperty("moderator")
	MODERATOR("moderator"),

	/** May open the room and chat. */
	@JsonProperty("member")
	MEMBER("member");

	private final String wireName;

	Role(String wireName) {
		this.wireName = wireName;
	}

	/** The name in the JSON and in the database. */
	public String wireName() {
		return this.wireName;
	}

	/** Whether this role may moderate: remove others' messages, mute, add members. */
	public boolean moderates() {
		return this != MEMBER;
	}

	/** The role named {@code name}, {@code null} for an unknown one. */
	public static @Nullable Role of(@Nullable String name) {
		for (Role role : values()) {
			if (role.wireName.equals(name)) {
				return role;
			}
		}
		return null;
	}

}
