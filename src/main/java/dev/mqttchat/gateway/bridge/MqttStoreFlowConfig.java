package dev.mqttchat.gateway.bridge;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MqttPayloads;
import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * MQTT to the store: everything on an issued room's topic is stored once, numbered, delivered to this instance's
 * subscribers and announced on the room's live topic for the other instances. With a shared-subscription group,
 * several instances split this work and each message is taken once.
 */
@Configuration(proxyBeanMethods = false)
class MqttStoreFlowConfig {

	@Bean
	MqttPahoMessageDrivenChannelAdapter mqttStoreAdapter(ReportingClientFactory storeClientFactory,
			MqttClientConfig.MqttClientIds clientIds, RoomRegistry rooms, ChatProperties properties) {
		String group = properties.storage().sharedGroup();
		String filter = group.isEmpty() ? rooms.topicFilter() : "$share/" + group + "/" + rooms.topicFilter();
		return MqttInboundFlowConfig.adapter(clientIds.store(), storeClientFactory, filter, properties);
	}

	@Bean
	ThreadPoolTaskExecutor localDeliveryExecutor() {
		// One thread, so this instance's subscribers get stored messages in the order they were stored.
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("local-delivery-");
		return executor;
	}

	@Bean
	IntegrationFlow mqttToStore(MqttPahoMessageDrivenChannelAdapter mqttStoreAdapter, RoomRegistry rooms,
			MqttPayloads payloads, MessageStore store, RoomBroadcaster broadcaster,
			MqttClientConfig.MqttClientIds clientIds, ThreadPoolTaskExecutor localDeliveryExecutor) {
		return IntegrationFlow.from(mqttStoreAdapter)
			.handle(byte[].class, (payload, headers) -> decode(rooms, payloads, payload, headers),
					(endpoint) -> endpoint.id("mqttPayloadDecoder"))
			// Nothing goes on for a repeat delivery (already stored) or a room deleted meanwhile.
			.handle(ChatMessage.class, (message, headers) -> store.store(message).orElse(null),
					(endpoint) -> endpoint.id("messageStorer"))
			// This instance's subscribers get the message at once, from a thread of their own while the next one is
			// stored; the other instances learn of it from the announcement, and this instance skips its own.
			.publishSubscribeChannel((stored) -> stored
				.subscribe((local) -> local.channel(MessageChannels.executor("localDelivery", localDeliveryExecutor))
					.handle(StoredMessage.class, MqttInboundFlowConfig.delivery(broadcaster),
							(endpoint) -> endpoint.id("storedMessageBroadcaster")))
				.subscribe((others) -> others
					.handle(StoredMessage.class, (message, headers) -> announcement(rooms, message, clientIds.instance()),
							(endpoint) -> endpoint.id("liveAnnouncer"))
					.channel(MqttOutboundFlowConfig.PUBLISH_CHANNEL)))
			.get();
	}

	private static @Nullable ChatMessage decode(RoomRegistry rooms, MqttPayloads payloads, byte[] payload,
			MessageHeaders headers) {
		String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
		// Topics of rooms that were never issued are neither stored nor bridged.
		return rooms.findByTopic(topic).map((room) -> payloads.decode(room.id(), payload)).orElse(null);
	}

	private static Message<byte[]> announcement(RoomRegistry rooms, StoredMessage message, String instance) {
		return MessageBuilder.withPayload(new LiveAnnouncement(message.seq(), instance).toJson())
			.setHeader(MqttHeaders.TOPIC, rooms.liveTopicOf(message.roomId()))
			.build();
	}

}
