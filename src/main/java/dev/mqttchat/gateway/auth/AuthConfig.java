package dev.mqttchat.gateway.auth;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.session.HttpSessionEventPublisher;

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

	@Bean
	ServletListenerRegistrationBean<HttpSessionEventPublisher> httpSessionEventPublisher() {
		// Turns an expired HTTP session into an event: its WebSockets end with it.
		return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
	}

}
