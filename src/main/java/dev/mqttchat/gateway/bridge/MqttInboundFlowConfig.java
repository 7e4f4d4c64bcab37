package dev.mqttchat.gateway.bridge;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.core.GenericHandler;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.DefaultPahoMessageConverter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.MessageHeaders;

/**
 * MQTT to STOMP: every instance follows the rooms' live topics, on which the storing instance announces each stored
 * message by its sequence number, and delivers the messages other instances stored, read from the store, to the
 * room's subscribers.
 */
@Configuration(proxyBeanMethods = false)
class MqttInboundFlowConfig {

	private static final Logger logger = LoggerFactory.getLogger(MqttInboundFlowConfig.class);

	static final String ERROR_CHANNEL = "mqttInboundErrors";

	@Bean
	MqttPahoMessageDrivenChannelAdapter mqttInboundAdapter(ReportingClientFactory inboundClientFactory,
			MqttClientConfig.MqttClientIds clientIds, RoomRegistry rooms, ChatProperties properties) {
		return adapter(clientIds.inbound(), inboundClientFactory, rooms.liveTopicFilter(), properties);
	}

	@Bean
	SubscribersStart mqttSubscribersStart(MqttPahoMessageDrivenChannelAdapter mqttInboundAdapter,
			MqttPahoMessageDrivenChannelAdapter mqttStoreAdapter) {
		return new SubscribersStart(List.of(mqttInboundAdapter, mqttStoreAdapter));
	}

	@Bean
	IntegrationFlow mqttToStomp(MqttPahoMessageDrivenChannelAdapter mqttInboundAdapter, RoomRegistry rooms,
			MessageStore store, RoomBroadcaster broadcaster, JsonMapper json,
			MqttClientConfig.MqttClientIds clientIds) {
		return IntegrationFlow.from(mqttInboundAdapter)
			.handle(byte[].class,
					(payload, headers) -> LiveAnnouncement.parse(json, payload)
						// The storing instance delivered its own messages already.
						.filter((announcement) -> !announcement.instance().equals(clientIds.instance()))
						.flatMap((announcement) -> stored(rooms, store, announcement, headers))
						.orElse(null),
					(endpoint) -> endpoint.id("liveAnnouncementReader"))
			.handle(StoredMessage.class, delivery(broadcaster), (endpoint) -> endpoint.id("stompRoomBroadcaster"))
			.get();
	}

	@Bean
	IntegrationFlow mqttInboundErrorFlow() {
		return IntegrationFlow.from(ERROR_CHANNEL)
			.handle(Object.class, (payload, headers) -> {
				String reason = (payload instanceof Throwable error) ? MqttLink.describe(error) : String.valueOf(payload);
				logger.warn("MQTT message not handled: {}", reason);
				return null;
			}, (endpoint) -> endpoint.id("mqttInboundErrorLogger"))
			.get();
	}

	/** Delivers each stored message to its room's STOMP subscribers on this instance; nothing flows on. */
	static GenericHandler<StoredMessage> delivery(RoomBroadcaster broadcaster) {
		return (message, headers) -> {
			broadcaster.broadcast(message);
			return null;
		};
	}

	/** A QoS 1 subscriber whose failures go to the error channel, never back into Paho. */
	static MqttPahoMessageDrivenChannelAdapter adapter(String clientId, ReportingClientFactory factory, String topic,
			ChatProperties properties) {
		MqttPahoMessageDrivenChannelAdapter adapter = new MqttPahoMessageDrivenChannelAdapter(clientId, factory,
				topic);
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

	private static Optional<StoredMessage> stored(RoomRegistry rooms, MessageStore store,
			LiveAnnouncement announcement, MessageHeaders headers) {
		String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
		// Only what the store holds is delivered, so a forged announcement can at most repeat a stored message.
		return rooms.findByLiveTopic(topic).flatMap((room) -> store.find(room.id(), announcement.seq()));
	}

}
