package dev.mqttchat.gateway.bridge;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.boot.ssl.SslBundles;

/**
 * Turns the {@code chat.mqtt.*} settings into Paho connection options: broker,
 * credentials, TLS, timings.
 */
final class ConnectOptionsFactory {

	private final BrokerEndpoint broker;

	private final ChatProperties.Mqtt mqtt;

	private final SslBundles ssl;

	ConnectOptionsFactory(BrokerEndpoint broker, ChatProperties.Mqtt mqtt, SslBundles ssl) {
		this.broker = broker;
		this.mqtt = mqtt;
		this.ssl = ssl;
	}

	/**
	 * Options for one client; subscribers reconnect on their own, the publisher on its
	 * next message; only the storing session outlives its connections.
	 */
	MqttConnectOptions options(boolean automaticReconnect, boolean cleanSession) {
		MqttConnectOptions options = new MqttConnectOptions();
		// Paho tries the nodes in order, on every connect and reconnect.
		options.setServerURIs(this.broker.urls().toArray(String[]::new));
		options.setCleanSession(cleanSession);
		options.setAutomaticReconnect(automaticReconnect);
		options.setMaxReconnectDelay((int) this.mqtt.maxReconnectDelay().toMillis());
		options.setConnectionTimeout((int) Math.max(1, this.mqtt.connectTimeout().toSeconds()));
		options.setKeepAliveInterval((int) this.mqtt.keepAlive().toSeconds());
		options.setMaxInflight(this.mqtt.maxInflight());
		options.setHttpsHostnameVerificationEnabled(true);
		this.broker.credentials().ifPresent((credentials) -> {
			options.setUserName(credentials.username());
			if (!credentials.password().isEmpty()) {
				options.setPassword(credentials.password().toCharArray());
			}
		});
		String bundle = this.mqtt.ssl().bundle();
		if (bundle != null && !bundle.isBlank()) {
			options.setSocketFactory(this.ssl.getBundle(bundle).createSslContext().getSocketFactory());
		}
		return options;
	}

}
