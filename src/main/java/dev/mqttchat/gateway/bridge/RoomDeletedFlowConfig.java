package dev.mqttchat.gateway.bridge;

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
 * its deleted topic, and every instance forgets the rooms announced there. Forgetting is
 * all it does, so a forged announcement costs one database read; an instance that was
 * away from the broker forgets every room, since it may have missed some.
 */
@Configuration(proxyBeanMethods = false)
class RoomDeletedFlowConfig {

	@Bean
	IntegrationFlow roomDeletedFlow(MqttPahoMessageDrivenChannelAdapter mqttRoomsAdapter, RoomTopics topics,
			RoomCache rooms) {
		return IntegrationFlow.from(mqttRoomsAdapter)
			.handle(byte[].class,
					(payload, headers) -> topics.roomOfDeleted(String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC)))
						.orElse(null),
					(endpoint) -> endpoint.id("deletedRoomReader"))
			.handle(String.class, (roomId, headers) -> {
				rooms.forget(roomId);
				return null;
			}, (endpoint) -> endpoint.id("deletedRoomForgetter"))
			.get();
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
