package dev.mqttchat.gateway.bridge;

import java.util.Optional;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.room.RoomTopicResolver;

import org.springframework.stereotype.Component;

/**
 * How rooms are named on the broker: a room lives on {@code {prefix}/{id}}, its stored
 * messages are announced on {@code {prefix}/{id}/live}, and its deletion on
 * {@code {prefix}/{id}/deleted}. The one place that builds and reads topic names and
 * filters.
 */
@Component
class RoomTopics implements RoomTopicResolver {

	private static final String LIVE = "/live";

	private static final String DELETED = "/deleted";

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

	/** Matches every room's topic, and nothing below it. */
	String roomFilter() {
		return topicOf("+");
	}

	String liveFilter() {
		return roomFilter() + LIVE;
	}

	String deletedFilter() {
		return roomFilter() + DELETED;
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

	private Optional<String> between(String topic, String suffix) {
		if (!topic.startsWith(this.prefix) || !topic.endsWith(suffix)
				|| topic.length() <= this.prefix.length() + suffix.length()) {
			return Optional.empty();
		}
		String id = topic.substring(this.prefix.length(), topic.length() - suffix.length());
		return (id.indexOf('/') < 0) ? Optional.of(id) : Optional.empty();
	}

}
