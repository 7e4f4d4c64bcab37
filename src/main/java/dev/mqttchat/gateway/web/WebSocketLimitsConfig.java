package dev.mqttchat.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The scheduler for STOMP heart-beats and CONNECT deadlines, and the WebSocket container's receive buffers.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketLimitsConfig {

	/** Per-session receive buffers of the container: a typical chat frame fits; longer ones come in pieces. */
	private static final int RECEIVE_BUFFER = 2048;

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		// The container allocates both buffers for every session up front, so they are what an idle session
		// costs; PieceByPiece lets larger messages through in pieces and enforces chat.web.max-frame-size.
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(RECEIVE_BUFFER);
		container.setMaxBinaryMessageBufferSize(RECEIVE_BUFFER);
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
