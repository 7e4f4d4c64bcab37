package dev.mqttchat.gateway.chat;

import org.springframework.integration.annotation.MessagingGateway;

/**
 * Hands a message to the outbound bridge, which publishes it to its room's MQTT topic.
 */
@MessagingGateway(name = "chatPublisher", defaultRequestChannel = ChatPublisher.CHANNEL)
public interface ChatPublisher {

	/** The channel the outbound bridge flow starts from. */
	String CHANNEL = "chatOutbound";

	/**
	 * Publishes {@code message}; returns once the MQTT client has taken it.
	 * @param message the message to publish
	 */
	void publish(ChatMessage message);

}
