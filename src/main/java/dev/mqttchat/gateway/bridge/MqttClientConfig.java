package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.util.UUID;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The broker link: which broker, the Paho connection options, and one client factory per bridge direction. */
@Configuration(proxyBeanMethods = false)
class MqttClientConfig {

	@Bean(destroyMethod = "close")
	BrokerEndpoint brokerEndpoint(ChatProperties properties) throws IOException {
		return BrokerEndpoint.of(properties.mqtt());
	}

	@Bean
	MqttClientIds mqttClientIds(ChatProperties properties) {
		// Generated per process, so several gateway instances never take each other's session on the broker.
		String instance = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String base = properties.mqtt().clientIdPrefix() + "-" + instance;
		return new MqttClientIds(base, base + "-in", base + "-out", base + "-store");
	}

	@Bean
	MqttLinks mqttLinks(BrokerEndpoint broker, ChatProperties properties) {
		String retry = "retrying with backoff up to " + properties.mqtt().maxReconnectDelay().toSeconds() + "s";
		return new MqttLinks(new MqttLink("inbound", broker.url(), retry, false),
				new MqttLink("outbound", broker.url(), "reconnecting on the next message", true),
				new MqttLink("store", broker.url(), retry, false));
	}

	@Bean
	ReportingClientFactory inboundClientFactory(BrokerEndpoint broker, ChatProperties properties, SslBundles ssl,
			MqttLinks links) {
		return new ReportingClientFactory(options(broker, properties.mqtt(), ssl, true), links.inbound());
	}

	@Bean
	ReportingClientFactory storeClientFactory(BrokerEndpoint broker, ChatProperties properties, SslBundles ssl,
			MqttLinks links) {
		return new ReportingClientFactory(options(broker, properties.mqtt(), ssl, true), links.store());
	}

	@Bean
	ReportingClientFactory outboundClientFactory(BrokerEndpoint broker, ChatProperties properties, SslBundles ssl,
			MqttLinks links) {
		return new ReportingClientFactory(options(broker, properties.mqtt(), ssl, false), links.outbound());
	}

	private static MqttConnectOptions options(BrokerEndpoint broker, ChatProperties.Mqtt mqtt, SslBundles ssl,
			boolean automaticReconnect) {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setServerURIs(new String[] { broker.url() });
		options.setCleanSession(true);
		options.setAutomaticReconnect(automaticReconnect);
		options.setMaxReconnectDelay((int) mqtt.maxReconnectDelay().toMillis());
		options.setConnectionTimeout((int) Math.max(1, mqtt.connectTimeout().toSeconds()));
		options.setKeepAliveInterval((int) mqtt.keepAlive().toSeconds());
		options.setMaxInflight(mqtt.maxInflight());
		options.setHttpsHostnameVerificationEnabled(true);
		if (mqtt.username() != null && !mqtt.username().isBlank()) {
			options.setUserName(mqtt.username());
		}
		if (mqtt.password() != null && !mqtt.password().isEmpty()) {
			options.setPassword(mqtt.password().toCharArray());
		}
		String bundle = mqtt.ssl().bundle();
		if (bundle != null && !bundle.isBlank()) {
			options.setSocketFactory(ssl.getBundle(bundle).createSslContext().getSocketFactory());
		}
		return options;
	}

	/**
	 * The generated MQTT client ids of this gateway instance; never taken from users.
	 *
	 * @param instance this instance's id, the common part of its client ids
	 * @param inbound client id of the subscribing adapter
	 * @param outbound client id of the publishing adapter
	 * @param store client id of the adapter that stores messages
	 */
	record MqttClientIds(String instance, String inbound, String outbound, String store) {
	}

}
