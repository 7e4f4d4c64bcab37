package dev.mqttchat.gateway.bridge;

import org.eclipse.paho.client.mqttv3.MqttException;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.mqttaccess.MqttCredentials;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code CHAT_MQTT_DYNSEC=true} the gateway manages Mosquitto's dynamic-security
 * plugin as its broker user, which must be allowed {@code $CONTROL/dynamic-security/#}
 * (as the admin {@code mosquitto_ctrl dynsec init} makes is).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.mqtt.dynsec", havingValue = "true")
class DynamicSecurityConfig {

	@Bean(destroyMethod = "close")
	DynamicSecurityClient dynamicSecurityClient(BrokerEndpoint broker, ConnectOptionsFactory options, MqttClientIds ids,
			JsonMapper json, ChatProperties properties) throws MqttException {
		return new DynamicSecurityClient(broker.url(), ids.rooms() + "-dynsec", options.options(true, false), json,
				properties.mqtt().connectTimeout().plusSeconds(5));
	}

	@Bean
	DynamicSecurity dynamicSecurity(DynamicSecurityClient control, CredentialTopics topics, MqttCredentials credentials,
			ChatProperties properties) {
		String user = properties.mqtt().username();
		if (user == null || user.isBlank() || properties.mqtt().useEmbedded()) {
			throw new IllegalStateException(
					"CHAT_MQTT_DYNSEC needs an external Mosquitto (CHAT_MQTT_URL) and its user (CHAT_MQTT_USERNAME)");
		}
		return new DynamicSecurity(control, topics, credentials, properties.rooms().topicPrefix(), user);
	}

}
