package dev.mqttchat.gateway.bridge;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.presence.MemberEvictions;
import dev.mqttchat.gateway.room.MemberRemovedEvent;
import dev.mqttchat.gateway.room.RoomMembers;

import org.springframework.context.event.EventListener;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Removed members, across instances: a removal through this instance is announced on the
 * room's removed topic, and every other instance, once the database confirms the person
 * is no longer a member, closes their subscriptions to the room there too
 * ({@link MemberEvictions}); so a forged announcement costs one database read.
 */
@Component
class MemberRemovals {

	private static final Logger logger = LoggerFactory.getLogger(MemberRemovals.class);

	private final RoomTopics topics;

	private final MqttClientIds ids;

	private final DirectChannel mqttOutbound;

	private final RoomMembers members;

	private final MemberEvictions evictions;

	private final JsonMapper json = JsonMapper.builder().build();

	MemberRemovals(RoomTopics topics, MqttClientIds ids, DirectChannel mqttOutbound, RoomMembers members,
			MemberEvictions evictions) {
		this.topics = topics;
		this.ids = ids;
		this.mqttOutbound = mqttOutbound;
		this.members = members;
		this.evictions = evictions;
	}

	@EventListener
	void onRemoved(MemberRemovedEvent event) {
		byte[] payload = this.json.writeValueAsBytes(
				Map.of("roomId", event.roomId(), "username", event.username(), "instance", this.ids.instance()));
		try {
			this.mqttOutbound.send(MessageBuilder.withPayload(payload)
				.setHeader(MqttHeaders.TOPIC, this.topics.removedTopicOf(event.roomId()))
				.build());
		}
		catch (MessagingException ex) {
			// The removal holds in the database; only other instances' open subscriptions
			// stay until their sessions end.
			logger.warn("Removal of a member from room {} not announced: {}", event.roomId(), ex.getMessage());
		}
	}

	/** An announcement heard on room {@code roomId}'s removed topic. */
	void heard(String roomId, byte[] payload) {
		Map<?, ?> announcement;
		try {
			announcement = this.json.readValue(payload, Map.class);
		}
		catch (JacksonException ex) {
			return;
		}
		// This instance closed its own subscriptions when the member was removed here.
		if (announcement == null || this.ids.instance().equals(announcement.get("instance"))
				|| !(announcement.get("username") instanceof String username)) {
			return;
		}
		if (this.members.roleOf(roomId, username).isEmpty()) {
			this.evictions.removed(roomId, username);
		}
	}

}
