package dev.mqttchat.gateway.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** What an entry of a room's stream is: a message, or an action on an earlier one. */
public enum MessageType {

	/** Something said; the default when a message names no type. */
	@JsonProperty("message")
	MESSAGE("message"),

	/** A new text for the author's own earlier message. */
	@JsonProperty("edit")
	EDIT("edit"),

	/** The author's own earlier message removed, text and all. */
	@JsonProperty("delete")
	DELETE("delete"),

	/** The sender's reaction to a message, switched on or off. */
	@JsonProperty("reaction")
	REACTION("reaction"),

	/**
	 * A moderator's mute of someone in the room until a time, or its lifting; its
	 * {@code target} is the muted username.
	 */
	@JsonProperty("mute")
	MUTE("mute");

	private final String wireName;

	MessageType(String wireName) {
		this.wireName = wireName;
	}

	/** The name in the JSON and in the database. */
	public String wireName() {
		return this.wireName;
	}

	/** The type named {@code name}, {@code null} for an unknown one. */
	public static @Nullable MessageType of(@Nullable String name) {
		for (MessageType type : values()) {
			if (type.wireName.equals(name)) {
				return type;
			}
		}
		return null;
	}

}
