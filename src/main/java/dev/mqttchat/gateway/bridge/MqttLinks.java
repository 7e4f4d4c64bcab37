package dev.mqttchat.gateway.bridge;

import org.springframework.context.event.EventListener;
import org.springframework.integration.mqtt.event.MqttSubscribedEvent;
import org.springframework.integration.mqtt.inbound.AbstractMqttMessageDrivenChannelAdapter;

/**
 * The two directions of the bridge and their connection state.
 *
 * @param inbound broker to browsers: the live announcements of stored messages
 * @param outbound browsers to broker
 * @param store room topics to the message store
 */
public record MqttLinks(MqttLink inbound, MqttLink outbound, MqttLink store) {

	/** Whether every direction is connected. */
	public boolean allUp() {
		return this.inbound.isUp() && this.outbound.isUp() && this.store.isUp();
	}

	/** Whether messages on room topics are stored and announced to this instance's browsers. */
	public boolean bridgeReady() {
		return this.inbound.isReady() && this.store.isReady();
	}

	@EventListener
	void onSubscribed(MqttSubscribedEvent event) {
		// Spring Integration reports a subscription only as an event, after the connect the client saw.
		if (event.getSource() instanceof AbstractMqttMessageDrivenChannelAdapter<?, ?> adapter
				&& adapter.getTopic()[0].endsWith("/live")) {
			this.inbound.subscribed();
		}
		else {
			this.store.subscribed();
		}
	}

}
