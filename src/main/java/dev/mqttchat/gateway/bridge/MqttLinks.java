package dev.mqttchat.gateway.bridge;

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

}
