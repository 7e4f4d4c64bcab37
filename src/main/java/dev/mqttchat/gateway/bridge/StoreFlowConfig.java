package dev.mqttchat.gateway.bridge;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.room.RoomCache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Room topics to the store: everything said on an issued room's topic is decoded, stored
 * once with the room's next sequence number, delivered to this instance's subscribers,
 * and announced on the room's live topic for the others.
 */
@Configuration(proxyBeanMethods = false)
class StoreFlowConfig {

	@Bean
	ThreadPoolTaskExecutor localDeliveryExecutor() {
		// One thread, so this instance's subscribers get stored messages in the order
		// they were stored.
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("local-delivery-");
		return executor;
	}

	@Bean
	IntegrationFlow storeFlow(MqttPahoMessageDrivenChannelAdapter mqttStoreAdapter, RoomTopics topics, RoomCache rooms,
			MqttPayloadCodec codec, MessageStore store, RoomBroadcaster broadcaster, MqttClientIds ids,
			ThreadPoolTaskExecutor localDeliveryExecutor, DirectChannel mqttOutbound, BridgeLatency latency) {
		return IntegrationFlow.from(mqttStoreAdapter)
			.handle(byte[].class, (payload, headers) -> decode(topics, rooms, codec, payload, headers),
					(endpoint) -> endpoint.id("mqttPayloadDecoder"))
			// Nothing goes on for a repeat delivery (already stored) or a room deleted
			// meanwhile.
			.handle(ChatMessage.class, (message, headers) -> store.store(message).orElse(null),
					(endpoint) -> endpoint.id("messageStorer"))
			// This instance's subscribers get the message at once, from a thread of their
			// own while the next one is stored; the other instances learn of it from the
			// announcement, and this instance skips its own.
			.publishSubscribeChannel((stored) -> stored
				.subscribe((local) -> local.channel(MessageChannels.executor("localDelivery", localDeliveryExecutor))
					.handle(StoredMessage.class, (message, headers) -> {
						broadcaster.broadcast(message);
						latency.stored(headers);
						return null;
					}, (endpoint) -> endpoint.id("storedMessageBroadcaster")))
				.subscribe((others) -> others
					.handle(StoredMessage.class, (message, headers) -> announcement(topics, message, ids.instance()),
							(endpoint) -> endpoint.id("liveAnnouncer"))
					.channel(mqttOutbound)))
			.get();
	}

	private static @Nullable Message<ChatMessage> decode(RoomTopics topics, RoomCache rooms, MqttPayloadCodec codec,
			byte[] payload, MessageHeaders headers) {
		long arrived = System.nanoTime();
		String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
		// Topics of rooms that were never issued are neither stored nor bridged.
		ChatMessage message = topics.roomOf(topic)
			.flatMap(rooms::find)
			.map((room) -> codec.decode(room.id(), payload))
			.orElse(null);
		return (message != null) ? MessageBuilder.withPayload(message)
			.copyHeaders(headers)
			.setHeader(BridgeLatency.ARRIVED, arrived)
			.build() : null;
	}

	private static Message<byte[]> announcement(RoomTopics topics, StoredMessage message, String instance) {
		return MessageBuilder.withPayload(new LiveAnnouncement(message.seq(), instance).toJson())
			.setHeader(MqttHeaders.TOPIC, topics.liveTopicOf(message.roomId()))
			.build();
	}

}
