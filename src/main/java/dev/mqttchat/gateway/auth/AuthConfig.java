package dev.mqttchat.gateway.auth;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parts of sign-in that both modes hold, idle in {@code open} mode. */
@Configuration(proxyBeanMethods = false)
class AuthConfig {

	@Bean
	StompSignIn stompSignIn(ChatProperties properties) {
		return new StompSignIn(properties.auth());
	}

	@Bean
	SignedInSockets signedInSockets() {
		return new SignedInSockets();
	}

}
