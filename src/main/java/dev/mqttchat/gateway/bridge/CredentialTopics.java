package dev.mqttchat.gateway.bridge;

import java.util.List;

import dev.mqttchat.gateway.mqttaccess.RoomTopicGrants;

import org.springframework.stereotype.Component;

/**
 * Which topics a room's MQTT credential may use, and the checks the embedded broker makes
 * with them: the room topic, its {@code typing}, and its {@code presence/} and
 * {@code read/} entries (to read all of them, to write only the client's own); never
 * {@code live}, {@code deleted}, {@code stored}, {@code feedback}, {@code _gateways},
 * another room or a wildcard across rooms.
 */
@Component
class CredentialTopics implements RoomTopicGrants {

	private final RoomTopics rooms;

	private final PresenceTopics presence;

	CredentialTopics(RoomTopics rooms, PresenceTopics presence) {
		this.rooms = rooms;
		this.presence = presence;
	}

	@Override
	public List<String> topicsOf(String roomId) {
		return List.of(this.rooms.topicOf(roomId), this.presence.typingTopic(roomId),
				this.presence.presenceTopic(roomId, "+"), this.presence.readTopic(roomId, "+"));
	}

	/**
	 * Whether a client of room {@code roomId} with id {@code clientId} may publish on
	 * {@code topic}: its presence entry and read marker are its own client id's.
	 */
	boolean mayWrite(String roomId, String clientId, String topic) {
		if (topic.equals(this.rooms.topicOf(roomId)) || topic.equals(this.presence.typingTopic(roomId))) {
			return true;
		}
		return RoomTopics.isTopicLevel(clientId) && (topic.equals(this.presence.presenceTopic(roomId, clientId))
				|| topic.equals(this.presence.readTopic(roomId, clientId)));
	}

	/**
	 * Whether a client of room {@code roomId} may subscribe to {@code filter}: the room
	 * topic, typing, or any presence entry or read marker of that room ({@code +} or
	 * {@code #} below {@code presence/} and {@code read/} stay inside them).
	 */
	boolean mayRead(String roomId, String filter) {
		if (filter.equals(this.rooms.topicOf(roomId)) || filter.equals(this.presence.typingTopic(roomId))) {
			return true;
		}
		return below(filter, this.presence.presenceTopic(roomId, ""))
				|| below(filter, this.presence.readTopic(roomId, ""));
	}

	private static boolean below(String filter, String parent) {
		if (!filter.startsWith(parent)) {
			return false;
		}
		String level = filter.substring(parent.length());
		return level.equals("+") || level.equals("#")
				|| (!level.isEmpty() && level.indexOf('/') < 0 && level.indexOf('+') < 0 && level.indexOf('#') < 0);
	}

}
