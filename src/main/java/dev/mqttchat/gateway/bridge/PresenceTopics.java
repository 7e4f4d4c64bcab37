package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.stereotype.Component;

/**
 * Where presence lives on the broker: {@code {room}/presence/{client}} (retained, one per
 * connection), {@code {room}/typing}, {@code {room}/read/{reader}} (retained) and each
 * gateway instance's own state on {@code {prefix}/_gateways/{instance}}. The one place
 * that builds and reads these names.
 */
@Component
class PresenceTopics {

	static final String PRESENCE = "/presence/";

	static final String TYPING = "/typing";

	static final String READ = "/read/";

	/** How the keys of a gateway's web users begin. */
	static final String WEB_KEY = "web-";

	private final String prefix;

	PresenceTopics(ChatProperties properties) {
		this.prefix = properties.rooms().topicPrefix() + "/";
	}

	/** What a received topic names. */
	enum Kind {

		PRESENCE, TYPING, READ, GATEWAY

	}

	/**
	 * A received topic, read.
	 *
	 * @param kind which of the topics it is
	 * @param id the room id, or the instance id of a gateway topic
	 * @param key the connection or reader it is about; empty for typing and gateways
	 */
	record Address(Kind kind, String id, String key) {
	}

	String presenceTopic(String roomId, String key) {
		return this.prefix + roomId + PRESENCE + key;
	}

	String typingTopic(String roomId) {
		return this.prefix + roomId + TYPING;
	}

	String readTopic(String roomId, String key) {
		return this.prefix + roomId + READ + key;
	}

	String gatewayTopic(String instance) {
		return this.prefix + "_gateways/" + instance;
	}

	String[] filters() {
		return new String[] { presenceTopic("+", "+"), typingTopic("+"), readTopic("+", "+"), gatewayTopic("+") };
	}

	/**
	 * The key a gateway's web user has on the presence topic: user names may hold any
	 * character, topic levels may not, and each instance needs its own; with a proven
	 * author key the hash covers the name, a line feed and the key, so one name with two
	 * keys has two entries.
	 */
	static String webPresenceKey(String username, @Nullable String author, String instance) {
		return webReadKey((author != null) ? username + "\n" + author : username) + "-" + instance;
	}

	/** The key a web user's read marker has, the same on every instance. */
	static String webReadKey(String username) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
			return WEB_KEY + HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	Optional<Address> parse(String topic) {
		if (!topic.startsWith(this.prefix)) {
			return Optional.empty();
		}
		String rest = topic.substring(this.prefix.length());
		int slash = rest.indexOf('/');
		if (slash <= 0) {
			return Optional.empty();
		}
		String first = rest.substring(0, slash);
		String tail = rest.substring(slash);
		if (first.equals("_gateways")) {
			return level(tail.substring(1)).map((id) -> new Address(Kind.GATEWAY, id, ""));
		}
		if (tail.equals(TYPING)) {
			return Optional.of(new Address(Kind.TYPING, first, ""));
		}
		if (tail.startsWith(PRESENCE)) {
			return level(tail.substring(PRESENCE.length())).map((key) -> new Address(Kind.PRESENCE, first, key));
		}
		if (tail.startsWith(READ)) {
			return level(tail.substring(READ.length())).map((key) -> new Address(Kind.READ, first, key));
		}
		return Optional.empty();
	}

	private static Optional<String> level(String text) {
		return (!text.isEmpty() && text.indexOf('/') < 0) ? Optional.of(text) : Optional.empty();
	}

}
