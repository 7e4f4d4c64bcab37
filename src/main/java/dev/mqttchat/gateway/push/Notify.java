package dev.mqttchat.gateway.push;

import org.jspecify.annotations.Nullable;

/** What a subscription is notified of in one room. */
enum Notify {

	/** Every message by someone else. */
	ALL("all"),

	/** Messages that name the subscriber as {@code @name}. */
	MENTIONS("mentions");

	private final String wireName;

	Notify(String wireName) {
		this.wireName = wireName;
	}

	/** The name in the JSON and in the database. */
	String wireName() {
		return this.wireName;
	}

	/** The value with this name, {@code null} for any other. */
	static @Nullable Notify of(@Nullable String name) {
		for (Notify notify : values()) {
			if (notify.wireName.equals(name)) {
				return notify;
			}
		}
		return null;
	}

}
