package dev.mqttchat.gateway.bridge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.history.EntryRefused;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells MQTT senders why what they published was not stored: each refusal, by the codec
 * or by the store, goes to {@code {room topic}/feedback/{clientId}} at QoS 1, not
 * retained, one publication per refused payload.
 */
@Component
class RefusalFeedback {

	private static final Logger logger = LoggerFactory.getLogger(RefusalFeedback.class);

	private final RoomTopics topics;

	private final DirectChannel mqttOutbound;

	private final JsonMapper json;

	RefusalFeedback(RoomTopics topics, DirectChannel mqttOutbound, JsonMapper json) {
		this.topics = topics;
		this.mqttOutbound = mqttOutbound;
		this.json = json;
	}

	/** Publishes {@code refusal} on its room's feedback topic for its sender. */
	void refused(Refusal refusal) {
		try {
			this.mqttOutbound.send(MessageBuilder.withPayload(this.json.writeValueAsBytes(refusal))
				.setHeader(MqttHeaders.TOPIC, this.topics.feedbackTopicOf(refusal.roomId(), refusal.clientId()))
				.build());
		}
		catch (RuntimeException ex) {
			// Advice to the sender, not part of the conversation: the log and the metric
			// have it.
			logger.debug("Refusal of an entry of room {} not published: {}", refusal.roomId(), MqttLink.describe(ex));
		}
	}

	/** A refusal by the store, told once its batch committed. */
	@TransactionalEventListener(fallbackExecution = true)
	void onRefused(EntryRefused event) {
		refused(Refusal.of(event.entry(), event.reason(), event.detail()));
	}

}
