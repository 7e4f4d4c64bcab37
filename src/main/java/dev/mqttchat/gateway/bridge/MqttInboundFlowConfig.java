package dev.mqttchat.gateway.bridge;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MqttPayloads;
import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.DefaultPahoMessageConverter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.MessageHeaders;

/** MQTT to STOMP: everything on an issued room's topic reaches that room's subscribers. */
@Configuration(proxyBeanMethods = false)
class MqttInboundFlowConfig {

	private static final Logger logger = LoggerFactory.getLogger(MqttInboundFlowConfig.class);

	static final String ERROR_CHANNEL = "mqttInboundErrors";

	@Bean
	MqttPahoMessageDrivenChannelAdapter mqttInboundAdapter(ReportingClientFactory inboundClientFactory,
			MqttClientConfig.MqttClientIds clientIds, RoomRegistry rooms, ChatProperties properties) {
		MqttPahoMessageDrivenChannelAdapter adapter = new MqttPahoMessageDrivenChannelAdapter(clientIds.inbound(),
				inboundClientFactory, rooms.topicFilter());
		adapter.setQos(1);
		adapter.setCompletionTimeout(properties.mqtt().connectTimeout().toMillis() + 1000);
		// Paho's defaults wait 30 s at shutdown; in-flight QoS 1 deliveries are redelivered by the broker anyway.
		adapter.setQuiescentTimeout(500);
		adapter.setDisconnectCompletionTimeout(2000);
		DefaultPahoMessageConverter converter = new DefaultPahoMessageConverter();
		converter.setPayloadAsBytes(true);
		adapter.setConverter(converter);
		// An exception thrown back into Paho's callback would drop the connection for every room.
		adapter.setErrorChannelName(ERROR_CHANNEL);
		return adapter;
	}

	@Bean
	IntegrationFlow mqttToStomp(MqttPahoMessageDrivenChannelAdapter mqttInboundAdapter, RoomRegistry rooms,
			MqttPayloads payloads, RoomBroadcaster broadcaster) {
		return IntegrationFlow.from(mqttInboundAdapter)
			.handle(byte[].class, (payload, headers) -> decode(rooms, payloads, payload, headers),
					(endpoint) -> endpoint.id("mqttPayloadDecoder"))
			.handle(ChatMessage.class, (message, headers) -> {
				broadcaster.broadcast(message);
				return null;
			}, (endpoint) -> endpoint.id("stompRoomBroadcaster"))
			.get();
	}

	@Bean
	IntegrationFlow mqttInboundErrorFlow() {
		return IntegrationFlow.from(ERROR_CHANNEL)
			.handle(Object.class, (payload, headers) -> {
				String reason = (payload instanceof Throwable error) ? MqttLink.describe(error) : String.valueOf(payload);
				logger.warn("MQTT message not delivered to its room: {}", reason);
				return null;
			}, (endpoint) -> endpoint.id("mqttInboundErrorLogger"))
			.get();
	}

	private static @Nullable ChatMessage decode(RoomRegistry rooms, MqttPayloads payloads, byte[] payload,
			MessageHeaders headers) {
		String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
		// Topics of rooms that were never issued are not bridged.
		return rooms.findByTopic(topic).map((room) -> payloads.decode(room.id(), payload)).orElse(null);
	}

}
