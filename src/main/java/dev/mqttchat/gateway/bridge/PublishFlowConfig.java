package dev.mqttchat.gateway.bridge;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.ChatPublisher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.support.MqttHeaders;

/**
 * Browsers to MQTT: what the {@link ChatPublisher} gateway is handed goes to its room's
 * topic as JSON at QoS 1.
 */
@Configuration(proxyBeanMethods = false)
class PublishFlowConfig {

	@Bean
	IntegrationFlow publishFlow(RoomTopics topics, MqttPayloadCodec codec, DirectChannel mqttOutbound) {
		return IntegrationFlow.from(ChatPublisher.CHANNEL)
			.enrichHeaders((headers) -> headers
				.headerFunction(MqttHeaders.TOPIC,
						(message) -> topics.topicOf(((ChatMessage) message.getPayload()).roomId()))
				.id("mqttTopicEnricher"))
			.transformWith((encoder) -> encoder.<ChatMessage, byte[]>transformer(codec::encode)
				.expectedType(ChatMessage.class)
				.id("chatMessageEncoder"))
			.channel(mqttOutbound)
			.get();
	}

}
