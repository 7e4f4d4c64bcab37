package dev.mqttchat.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Names this gateway instance once, for every part that needs to tell instances apart.
 */
@Configuration(proxyBeanMethods = false)
class GatewayInstanceConfig {

	@Bean
	GatewayInstance gatewayInstance(ChatProperties properties, Environment environment) {
		// The configured port, known before the server starts (the MQTT clients connect
		// first).
		int port = environment.getProperty("server.port", Integer.class, 8080);
		return GatewayInstance.of(properties.instanceId(), port);
	}

}
