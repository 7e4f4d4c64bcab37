package dev.mqttchat.gateway.bridge;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Passes every Paho callback of a {@link ReportingMqttClient} on after noting connection
 * changes on its link.
 */
final class ReportingCallback implements MqttCallbackExtended {

	private final MqttCallback delegate;

	private final ReportingMqttClient client;

	ReportingCallback(MqttCallback delegate, ReportingMqttClient client) {
		this.delegate = delegate;
		this.client = client;
	}

	@Override
	public void connectComplete(boolean reconnect, String serverURI) {
		if (this.client.endIfRetired()) {
			return;
		}
		this.client.link().connected(serverURI);
		if (this.delegate instanceof MqttCallbackExtended extended) {
			extended.connectComplete(reconnect, serverURI);
		}
	}

	@Override
	public void connectionLost(Throwable cause) {
		this.client.link().lost(cause);
		this.delegate.connectionLost(cause);
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) throws Exception {
		this.delegate.messageArrived(topic, message);
	}

	@Override
	public void deliveryComplete(IMqttDeliveryToken token) {
		this.delegate.deliveryComplete(token);
	}

}
