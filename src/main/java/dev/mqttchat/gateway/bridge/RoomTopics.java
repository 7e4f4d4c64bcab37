package dev.mqttchat.gateway.bridge;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.UnicodeText;
import dev.mqttchat.gateway.room.RoomTopicResolver;

import org.springframework.stereotype.Component;

/**
 * How rooms are named on the broker: a room lives on {@code {prefix}/{id}}, its stored
 * messages are announced on {@code {prefix}/{id}/live} and published on
 * {@code {prefix}/{id}/stored}, refusals told on
 * {@code {prefix}/{id}/feedback/{clientId}}, and its deletion on
 * {@code {prefix}/{id}/deleted}, and the removal of a member on
 * {@code {prefix}/{id}/removed}. The one place that builds and reads topic names and
 * filters.
 */
@Component
class RoomTopics implements RoomTopicResolver {

	private static final String LIVE = "/live";

	private static final String DELETED = "/deleted";

	private static final String REMOVED = "/removed";

	private static final String STORED = "/stored";

	private static final String FEEDBACK = "/feedback/";

	/** The feedback key of senders that name no client id usable as a topic level. */
	static final String NO_CLIENT_ID = "_";

	private final String prefix;

	RoomTopics(ChatProperties properties) {
		this.prefix = properties.rooms().topicPrefix() + "/";
	}

	@Override
	public String topicOf(String roomId) {
		return this.prefix + roomId;
	}

	String liveTopicOf(String roomId) {
		return topicOf(roomId) + LIVE;
	}

	String deletedTopicOf(String roomId) {
		return topicOf(roomId) + DELETED;
	}

	String removedTopicOf(String roomId) {
		return topicOf(roomId) + REMOVED;
	}

	/** Where the storing instance publishes each entry it stored, as readers get it. */
	String storedTopicOf(String roomId) {
		return topicOf(roomId) + STORED;
	}

	/**
	 * Where refusals of what the sender naming {@code clientId} published are told:
	 * {@code {topic}/feedback/{clientId}}, or {@code {topic}/feedback/_} if it named none
	 * fit for one topic level.
	 */
	String feedbackTopicOf(String roomId, @Nullable String clientId) {
		return topicOf(roomId) + FEEDBACK + (isTopicLevel(clientId) ? clientId : NO_CLIENT_ID);
	}

	/**
	 * Whether a sender's client id can be one topic level: 1-64 characters of well-formed
	 * Unicode (a lone surrogate cannot be encoded into a topic), no level separator,
	 * wildcard or control character.
	 */
	static boolean isTopicLevel(@Nullable String clientId) {
		return clientId != null && !clientId.isEmpty() && clientId.length() <= 64 && UnicodeText.isWellFormed(clientId)
				&& clientId.chars().noneMatch((c) -> c == '/' || c == '+' || c == '#' || Character.isISOControl(c));
	}

	/** Matches every room's topic, and nothing below it. */
	String roomFilter() {
		return topicOf("+");
	}

	String deletedFilter() {
		return roomFilter() + DELETED;
	}

	String removedFilter() {
		return roomFilter() + REMOVED;
	}

	/**
	 * The room id of a room topic; whether such a room was issued is for the caller to
	 * ask.
	 */
	Optional<String> roomOf(String topic) {
		return between(topic, "");
	}

	Optional<String> roomOfLive(String topic) {
		return between(topic, LIVE);
	}

	Optional<String> roomOfDeleted(String topic) {
		return between(topic, DELETED);
	}

	Optional<String> roomOfRemoved(String topic) {
		return between(topic, REMOVED);
	}

	private Optional<String> between(String topic, String suffix) {
		if (!topic.startsWith(this.prefix) || !topic.endsWith(suffix)
				|| topic.length() <= this.prefix.length() + suffix.length()) {
			return Optional.empty();
		}
		String id = topic.substring(this.prefix.length(), topic.length() - suffix.length());
		return (id.indexOf('/') < 0) ? Optional.of(id) : Optional.empty();
	}

}
