package dev.mqttchat.gateway.bridge;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.room.RoomCache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Live topics to browsers: every instance follows the announcements of stored messages,
 * skips its own (it delivered those already), reads each announced message from the store
 * and delivers it to the room's subscribers here.
 */
@Configuration(proxyBeanMethods = false)
class LiveFlowConfig {

	@Bean
	IntegrationFlow liveFlow(MqttPahoMessageDrivenChannelAdapter mqttLiveAdapter, JsonMapper json, MqttClientIds ids,
			RoomTopics topics, RoomCache rooms, MessageStore store, RoomBroadcaster broadcaster,
			BridgeLatency latency) {
		return IntegrationFlow.from(mqttLiveAdapter)
			.handle(byte[].class, (payload, headers) -> LiveAnnouncement.parse(json, payload).orElse(null),
					(endpoint) -> endpoint.id("liveAnnouncementParser"))
			.filter(LiveAnnouncement.class, (announcement) -> !announcement.instance().equals(ids.instance()),
					// Skipping is the normal case, not a rejection to log.
					(endpoint) -> endpoint.id("ownAnnouncementSkipper").discardChannel("nullChannel"))
			.handle(LiveAnnouncement.class,
					(announcement, headers) -> read(topics, rooms, store, announcement, headers),
					(endpoint) -> endpoint.id("liveAnnouncementReader"))
			.handle(StoredMessage.class, (message, headers) -> {
				broadcaster.broadcast(message);
				latency.announced(headers);
				return null;
			}, (endpoint) -> endpoint.id("announcedMessageBroadcaster"))
			.get();
	}

	private static @Nullable Message<StoredMessage> read(RoomTopics topics, RoomCache rooms, MessageStore store,
			LiveAnnouncement announcement, MessageHeaders headers) {
		// Latency counts from here: own announcements, the common case, are skipped
		// before any work is spent.
		long arrived = System.nanoTime();
		String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
		// Only what the store holds is delivered, so a forged announcement can at most
		// repeat a stored message.
		return topics.roomOfLive(topic)
			.flatMap(rooms::find)
			.flatMap((room) -> store.find(room.id(), announcement.seq()))
			.map((message) -> MessageBuilder.withPayload(message)
				.copyHeaders(headers)
				.setHeader(BridgeLatency.ARRIVED, arrived)
				.build())
			.orElse(null);
	}

}
