package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.DefaultPahoMessageConverter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.MessageHeaders;

/**
 * MQTT to STOMP: every instance follows the rooms' live topics, on which the storing instance announces each stored
 * message by its sequence number, reads the message from the store and delivers it to the room's subscribers.
 */
@Configuration(proxyBeanMethods = false)
class MqttInboundFlowConfig {

	private static final Logger logger = LoggerFactory.getLogger(MqttInboundFlowConfig.class);

	static final String ERROR_CHANNEL = "mqttInboundErrors";

	private static final Pattern ANNOUNCEMENT = Pattern.compile("\\{\"seq\":(\\d{1,18})\\}");

	@Bean
	MqttPahoMessageDrivenChannelAdapter mqttInboundAdapter(ReportingClientFactory inboundClientFactory,
			MqttClientConfig.MqttClientIds clientIds, RoomRegistry rooms, ChatProperties properties) {
		return adapter(clientIds.inbound(), inboundClientFactory, rooms.liveTopicFilter(), properties);
	}

	@Bean
	IntegrationFlow mqttToStomp(MqttPahoMessageDrivenChannelAdapter mqttInboundAdapter, RoomRegistry rooms,
			MessageStore store, RoomBroadcaster broadcaster) {
		return IntegrationFlow.from(mqttInboundAdapter)
			.handle(byte[].class, (payload, headers) -> announced(rooms, store, payload, headers).orElse(null),
					(endpoint) -> endpoint.id("liveAnnouncementReader"))
			.handle(StoredMessage.class, (message, headers) -> {
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
				logger.warn("MQTT message not handled: {}", reason);
				return null;
			}, (endpoint) -> endpoint.id("mqttInboundErrorLogger"))
			.get();
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

	private static Optional<StoredMessage> announced(RoomRegistry rooms, MessageStore store, byte[] payload,
			MessageHeaders headers) {
		String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
		Matcher announcement = ANNOUNCEMENT.matcher(new String(payload, StandardCharsets.US_ASCII));
		if (!announcement.matches()) {
			return Optional.empty();
		}
		// Only what the store holds is delivered, so a forged announcement can at most repeat a stored message.
		long seq = Long.parseLong(announcement.group(1));
		return rooms.findByLiveTopic(topic).flatMap((room) -> store.find(room.id(), seq));
	}

}
