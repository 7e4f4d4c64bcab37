package dev.mqttchat.gateway.bridge;

import org.springframework.context.event.EventListener;
import org.springframework.integration.mqtt.event.MqttSubscribedEvent;

/**
 * The two directions of the bridge and their connection state.
 *
 * @param inbound broker to browsers
 * @param outbound browsers to broker
 */
public record MqttLinks(MqttLink inbound, MqttLink outbound) {

	/** Whether both directions are connected. */
	public boolean allUp() {
		return this.inbound.isUp() && this.outbound.isUp();
	}

	@EventListener
	void onSubscribed(MqttSubscribedEvent event) {
		// Spring Integration reports the subscription only as an event, after the connect the client saw.
		this.inbound.subscribed();
	}

}
