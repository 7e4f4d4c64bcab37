package dev.mqttchat.gateway.web.memory;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * What every WebSocket connection holds (receive and socket buffers, no compression
 * context), sized so that thousands of idle chat sessions cost little memory; messages
 * longer than the small buffers arrive in pieces. Together with
 * {@link WebSocketBufferSizePostProcessor}, these measures took an idle session from 243
 * to 22.5 KiB.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebSocketMemoryConfig implements WebSocketMessageBrokerConfigurer {

	/**
	 * Per-session receive buffers of the container: a typical chat frame fits; longer
	 * ones come in pieces.
	 */
	private static final int RECEIVE_BUFFER = 1024;

	/**
	 * Per-connection socket buffers (8 KB each by default): held for a WebSocket's whole
	 * life.
	 */
	private static final String SOCKET_BUFFER = "2048";

	private final long maxFrameSize;

	private final long maxPartialFramesMemory;

	WebSocketMemoryConfig(ChatProperties properties) {
		this.maxFrameSize = properties.web().maxFrameSize().toBytes();
		this.maxPartialFramesMemory = properties.web().maxPartialFramesMemory().toBytes();
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		// Registered last, so it is the outermost decorator: the container hands it the
		// pieces first.
		registration.addDecoratorFactory((handler) -> new PartialMessagesHandlerDecorator(handler, this.maxFrameSize,
				this.maxPartialFramesMemory));
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		// The container allocates both buffers for every session up front, so they are
		// what an idle session costs; PartialMessagesHandlerDecorator lets larger
		// messages through and enforces chat.web.max-frame-size.
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(RECEIVE_BUFFER);
		container.setMaxBinaryMessageBufferSize(RECEIVE_BUFFER);
		return container;
	}

	@Bean
	FilterRegistrationBean<NoCompressionFilter> noWebSocketCompression() {
		FilterRegistrationBean<NoCompressionFilter> registration = new FilterRegistrationBean<>(
				new NoCompressionFilter());
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

}
