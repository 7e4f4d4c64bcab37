package dev.mqttchat.gateway.bridge;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.ChatPublisher;
import dev.mqttchat.gateway.chat.MqttPayloads;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.outbound.MqttPahoMessageHandler;
import org.springframework.integration.mqtt.support.MqttHeaders;

/** STOMP to MQTT: the {@code ChatPublisher} gateway's messages go to their room's topic as JSON at QoS 1. */
@Configuration(proxyBeanMethods = false)
class MqttOutboundFlowConfig {

	/** Where every MQTT publication of the gateway goes: chat messages and live announcements. */
	static final String PUBLISH_CHANNEL = "mqttPublish";

	@Bean
	MqttPahoMessageHandler mqttOutboundAdapter(ReportingClientFactory outboundClientFactory,
			MqttClientConfig.MqttClientIds clientIds, ChatProperties properties) {
		MqttPahoMessageHandler handler = new MqttPahoMessageHandler(clientIds.outbound(), outboundClientFactory);
		handler.setAsync(true);
		handler.setDefaultQos(1);
		handler.setDefaultRetained(false);
		handler.setCompletionTimeout(properties.mqtt().connectTimeout().toMillis() + 1000);
		handler.setDisconnectCompletionTimeout(2000);
		return handler;
	}

	@Bean
	IntegrationFlow stompToMqtt(RoomRegistry rooms, MqttPayloads payloads) {
		return IntegrationFlow.from(ChatPublisher.CHANNEL)
			.enrichHeaders((headers) -> headers
				.headerFunction(MqttHeaders.TOPIC, (message) -> topicOf(rooms, (ChatMessage) message.getPayload()))
				.id("mqttTopicEnricher"))
			.transformWith((encoder) -> encoder.<ChatMessage, byte[]>transformer(payloads::encode)
				.expectedType(ChatMessage.class)
				.id("chatMessageEncoder"))
			.channel(PUBLISH_CHANNEL)
			.get();
	}

	@Bean
	IntegrationFlow mqttPublishing(MqttPahoMessageHandler mqttOutboundAdapter) {
		return IntegrationFlow.from(PUBLISH_CHANNEL)
			.handle(mqttOutboundAdapter, (endpoint) -> endpoint.id("mqttOutboundEndpoint"))
			.get();
	}

	private static String topicOf(RoomRegistry rooms, ChatMessage message) {
		return rooms.find(message.roomId())
			.map(Room::topic)
			.orElseThrow(() -> new IllegalStateException("Room " + message.roomId() + " is not issued"));
	}

}
