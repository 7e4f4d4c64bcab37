package dev.mqttchat.gateway.web;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The scheduler for STOMP heart-beats and CONNECT deadlines, and the WebSocket container's message size limit.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketLimitsConfig {

	@Bean
	ServletServerContainerFactoryBean webSocketContainer(ChatProperties properties) {
		// Bigger WebSocket messages are refused by the container before anything buffers them.
		int limit = (int) properties.web().maxFrameSize().toBytes();
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(limit);
		container.setMaxBinaryMessageBufferSize(limit);
		return container;
	}

	@Bean
	ThreadPoolTaskScheduler stompHeartbeatScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("stomp-heartbeat-");
		return scheduler;
	}

}
