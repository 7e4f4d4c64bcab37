package dev.mqttchat.gateway.bridge;

import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.chat.RoomReaders;
import dev.mqttchat.gateway.room.RoomCache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;

/**
 * Live topics to browsers: an instance subscribes a room's live topic while it has
 * readers in the room ({@link LiveSubscriptions}), skips its own announcements (it
 * delivered those already) and hands the others' to the room's feed, which reads each
 * announced message from the store and delivers it to the room's subscribers here.
 */
@Configuration(proxyBeanMethods = false)
class LiveFlowConfig {

	@Bean
	LiveSubscriptions liveSubscriptions(MqttPahoMessageDrivenChannelAdapter mqttLiveAdapter, RoomTopics topics,
			RoomFeeds feeds, RoomReaders readers) {
		LiveSubscriptions subscriptions = new LiveSubscriptions(mqttLiveAdapter, topics, feeds);
		readers.listen(subscriptions);
		return subscriptions;
	}

	@Bean
	IntegrationFlow liveFlow(MqttPahoMessageDrivenChannelAdapter mqttLiveAdapter, JsonMapper json, MqttClientIds ids,
			RoomTopics topics, RoomCache rooms, RoomFeeds feeds, BridgeLatency latency) {
		return IntegrationFlow.from(mqttLiveAdapter).handle(byte[].class, (payload, headers) -> {
			feeds.heard();
			return LiveAnnouncement.parse(json, payload).orElse(null);
		}, (endpoint) -> endpoint.id("liveAnnouncementParser"))
			.filter(LiveAnnouncement.class, (announcement) -> !announcement.instance().equals(ids.instance()),
					// Skipping is the normal case, not a rejection to log.
					(endpoint) -> endpoint.id("ownAnnouncementSkipper").discardChannel("nullChannel"))
			.handle(LiveAnnouncement.class, (announcement, headers) -> {
				// Latency counts from here: own announcements were skipped before any
				// work.
				long arrived = System.nanoTime();
				String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
				// Only what the store holds is delivered, so a forged announcement can at
				// most repeat a stored message, which the feed delivers once anyway.
				boolean delivered = topics.roomOfLive(topic)
					.filter((roomId) -> rooms.find(roomId).isPresent())
					.map((roomId) -> feeds.announced(roomId, announcement.seq()))
					.orElse(false);
				if (delivered) {
					latency.announced(arrived);
				}
				return null;
			}, (endpoint) -> endpoint.id("announcedMessageDeliverer"))
			.get();
	}

}
