package dev.mqttchat.gateway.bridge;

import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.mqtt.core.MqttPahoClientFactory;

/**
 * Makes the Paho clients of one bridge direction, each reporting to that direction's
 * {@link MqttLink}.
 */
final class ReportingClientFactory implements MqttPahoClientFactory {

	private final MqttConnectOptions options;

	private final MqttLink link;

	private final boolean manualAcks;

	ReportingClientFactory(MqttConnectOptions options, MqttLink link, boolean manualAcks) {
		this.options = options;
		this.link = link;
		this.manualAcks = manualAcks;
	}

	@Override
	public IMqttClient getClientInstance(@Nullable String uri, String clientId) {
		throw new UnsupportedOperationException("The bridge uses asynchronous clients only");
	}

	@Override
	public IMqttAsyncClient getAsyncClientInstance(@Nullable String uri, String clientId) throws MqttException {
		String url = (uri != null) ? uri : this.options.getServerURIs()[0];
		ReportingMqttClient client = new ReportingMqttClient(url, clientId, this.link);
		// Before connecting: a persistent session's kept messages arrive right after the
		// connect, before Spring Integration would switch acknowledgements to manual.
		client.setManualAcks(this.manualAcks);
		return client;
	}

	@Override
	public MqttConnectOptions getConnectionOptions() {
		return this.options;
	}

}
