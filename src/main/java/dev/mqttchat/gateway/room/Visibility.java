package dev.mqttchat.gateway.room;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who can find a room: private rooms only through their link, public ones also in the
 * room list.
 */
public enum Visibility {

	/** Reachable only by its link. */
	@JsonProperty("private")
	PRIVATE,

	/** Listed by {@code GET /api/rooms}. */
	@JsonProperty("public")
	PUBLIC

}
