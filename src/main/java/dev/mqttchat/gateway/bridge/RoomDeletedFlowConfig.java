package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;

import dev.mqttchat.gateway.presence.RoomDeletions;
import dev.mqttchat.gateway.room.RoomCache;
import dev.mqttchat.gateway.room.RoomDeletedEvent;

import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.event.MqttSubscribedEvent;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;

/**
 * Deleted rooms, across instances: a room deleted through this instance is announced on
 * its deleted topic, and every instance forgets the rooms announced there and, once the
 * database confirms the room is gone, tells its readers here ({@link RoomDeletions}); so
 * a forged announcement costs one database read. An instance that was away from the
 * broker forgets every room, since it may have missed some.
 */
@Configuration(proxyBeanMethods = false)
class RoomDeletedFlowConfig {

	@Bean
	IntegrationFlow roomDeletedFlow(MqttPahoMessageDrivenChannelAdapter mqttRoomsAdapter, RoomTopics topics,
			RoomCache rooms, RoomDeletions deletions, MqttClientIds ids, MemberRemovals removals) {
		String fromHere = "\"instance\":\"" + ids.instance() + "\"";
		return IntegrationFlow.from(mqttRoomsAdapter).handle(byte[].class, (payload, headers) -> {
			String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
			// The same subscriber hears removed members (MemberRemovals) and deleted
			// rooms.
			topics.roomOfRemoved(topic).ifPresent((roomId) -> removals.heard(roomId, payload));
			return topics.roomOfDeleted(topic)
				.map((roomId) -> new Heard(roomId, new String(payload, StandardCharsets.US_ASCII).contains(fromHere)))
				.orElse(null);
		}, (endpoint) -> endpoint.id("deletedRoomReader")).handle(Heard.class, (heard, headers) -> {
			rooms.forget(heard.roomId());
			// This instance told its own readers when the room was deleted here.
			if (!heard.fromHere() && rooms.find(heard.roomId()).isEmpty()) {
				deletions.deleted(heard.roomId());
			}
			return null;
		}, (endpoint) -> endpoint.id("deletedRoomForgetter")).get();
	}

	@Bean
	ApplicationListener<MqttSubscribedEvent> roomCacheReset(MqttPahoMessageDrivenChannelAdapter mqttRoomsAdapter,
			RoomCache rooms) {
		return (event) -> {
			if (event.getSource() == mqttRoomsAdapter) {
				rooms.forgetAll();
			}
		};
	}

	@Bean
	RoomDeletionAnnouncer roomDeletionAnnouncer(RoomTopics topics, MqttClientIds ids, DirectChannel mqttOutbound) {
		return new RoomDeletionAnnouncer(topics, ids, mqttOutbound);
	}

	/** A room announced deleted, and whether this instance announced it. */
	record Heard(String roomId, boolean fromHere) {
	}

	/** Publishes each room deleted through this instance on the room's deleted topic. */
	record RoomDeletionAnnouncer(RoomTopics topics, MqttClientIds ids, DirectChannel mqttOutbound) {

		@EventListener
		void onDeleted(RoomDeletedEvent event) {
			this.mqttOutbound.send(MessageBuilder
				.withPayload(new RoomDeletedAnnouncement(event.roomId(), this.ids.instance()).toJson())
				.setHeader(MqttHeaders.TOPIC, this.topics.deletedTopicOf(event.roomId()))
				.build());
		}

	}

}
