package dev.mqttchat.gateway.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The scheduler for STOMP heart-beats and CONNECT deadlines, and what every connection holds (buffers, no
 * compression context), sized so that thousands of idle chat sessions cost little memory.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketLimitsConfig {

	/** Per-session receive buffers of the container: a typical chat frame fits; longer ones come in pieces. */
	private static final int RECEIVE_BUFFER = 1024;

	/** Per-connection socket buffers (8 KB each by default): held for a WebSocket's whole life. */
	private static final String SOCKET_BUFFER = "2048";

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
	FilterRegistrationBean<NoCompression> noWebSocketCompression() {
		FilterRegistrationBean<NoCompression> registration = new FilterRegistrationBean<>(new NoCompression());
		registration.addUrlPatterns("/ws");
		return registration;
	}

	@Bean
	TomcatConnectorCustomizer smallSocketBuffers() {
		return (connector) -> {
			connector.setProperty("socket.appReadBufSize", SOCKET_BUFFER);
			connector.setProperty("socket.appWriteBufSize", SOCKET_BUFFER);
		};
	}

	@Bean
	ThreadPoolTaskScheduler stompHeartbeatScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(1);
		scheduler.setThreadNamePrefix("stomp-heartbeat-");
		return scheduler;
	}

}
