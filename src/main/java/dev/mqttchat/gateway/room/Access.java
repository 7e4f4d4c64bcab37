package dev.mqttchat.gateway.room;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** Who may open a room: anyone with its link, or only its listed members. */
public enum Access {

	/** Anyone who holds the link: the room id is the key. */
	@JsonProperty("link")
	LINK("link"),

	/** Only the room's members, signed in ({@code oidc} mode only). */
	@JsonProperty("members")
	MEMBERS("members");

	private final String wireName;

	Access(String wireName) {
		this.wireName = wireName;
	}

	/** The name in the JSON and in the database. */
	public String wireName() {
		return this.wireName;
	}

	/** The access named {@code name}; {@link #LINK} for anything else. */
	static Access of(@Nullable String name) {
		return "members".equals(name) ? MEMBERS : LINK;
	}

}
