package dev.mqttchat.gateway.bridge;

import dev.mqttchat.gateway.presence.PresenceAnnouncer;
import dev.mqttchat.gateway.presence.PresenceSignal;
import dev.mqttchat.gateway.presence.RoomPresence;
import dev.mqttchat.gateway.presence.WebPresenceTracker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;

/**
 * Presence both ways: what the {@link PresenceAnnouncer} gateway is handed goes to the
 * room's presence, typing or read topics, and what arrives there (from every instance and
 * MQTT client, this one included) updates the rosters and read markers and reaches the
 * room's browsers.
 */
@Configuration(proxyBeanMethods = false)
class PresenceFlowConfig {

	@Bean
	IntegrationFlow presenceFlow(MqttPahoMessageDrivenChannelAdapter mqttPresenceAdapter, PresenceReceiver receiver) {
		return IntegrationFlow.from(mqttPresenceAdapter).handle(byte[].class, (payload, headers) -> {
			receiver.receive(String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC)), payload);
			return null;
		}, (endpoint) -> endpoint.id("presenceApplier")).get();
	}

	@Bean
	IntegrationFlow presencePublishFlow(PresenceSignalEncoder encoder, DirectChannel mqttOutbound) {
		return IntegrationFlow.from(PresenceAnnouncer.CHANNEL).handle(PresenceSignal.class, (signal, headers) -> {
			// One signal may be two publications (a leave, then clearing the retained
			// entry): sent here in order, on the caller's thread, so a broker that is
			// away fails the caller.
			encoder.encode(signal).forEach(mqttOutbound::send);
			return null;
		}, (endpoint) -> endpoint.id("presencePublisher")).get();
	}

	@Bean
	PresenceLifecycle presenceLifecycle(MqttPahoMessageDrivenChannelAdapter mqttPresenceAdapter, PresenceTopics topics,
			PresenceCodec codec, MqttClientIds ids, RoomPresence presence, WebPresenceTracker local,
			DirectChannel mqttOutbound) {
		return new PresenceLifecycle(mqttPresenceAdapter, topics, codec, ids, presence, local, mqttOutbound);
	}

}
