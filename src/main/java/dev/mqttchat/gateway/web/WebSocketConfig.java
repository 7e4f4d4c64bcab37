package dev.mqttchat.gateway.web;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.auth.SignedInSockets;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.StompWebSocketEndpointRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * STOMP 1.2 over a native WebSocket at {@code /ws}: rooms under {@code /topic}, sends
 * under {@code /app}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@Order(0)
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

	private final ChatProperties properties;

	private final JsonMapper json;

	private final TaskScheduler heartbeatScheduler;

	private final StompGuardInterceptor stompGuardInterceptor;

	private final AddressSockets addressSockets;

	private final SignedInSockets signedInSockets;

	WebSocketConfig(ChatProperties properties, JsonMapper json, TaskScheduler stompHeartbeatScheduler,
			StompGuardInterceptor stompGuardInterceptor, SignedInSockets signedInSockets) {
		this.signedInSockets = signedInSockets;
		this.properties = properties;
		this.json = json;
		this.heartbeatScheduler = stompHeartbeatScheduler;
		this.stompGuardInterceptor = stompGuardInterceptor;
		this.addressSockets = new AddressSockets(properties.web().maxSocketsPerAddress());
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		// Both run before Spring's own origin check, which comes last.
		StompWebSocketEndpointRegistration endpoint = registry.addEndpoint("/ws")
			.addInterceptors(new OriginSyntaxInterceptor(), new AddressSocketsInterceptor(this.addressSockets),
					httpSessionId());
		// Two quick SENDs from one person must reach the broker in the order they were
		// typed.
		registry.setPreserveReceiveOrder(true);
		List<String> origins = this.properties.web().allowedOrigins();
		if (!origins.isEmpty()) {
			// Without this call Spring accepts only the page's own origin.
			endpoint.setAllowedOriginPatterns(origins.toArray(String[]::new));
		}
	}

	private static HttpSessionHandshakeInterceptor httpSessionId() {
		// Only the id, for SignedInSockets; no session is created and no attribute
		// copied.
		HttpSessionHandshakeInterceptor interceptor = new HttpSessionHandshakeInterceptor();
		interceptor.setCopyAllAttributes(false);
		interceptor.setCreateSession(false);
		return interceptor;
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		long heartbeat = this.properties.web().heartbeat().toMillis();
		registry.enableSimpleBroker("/topic", "/queue")
			.setHeartbeatValue(new long[] { heartbeat, heartbeat })
			.setTaskScheduler(this.heartbeatScheduler);
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.setPreservePublishOrder(true);
		// Spring keeps 1,024 destinations by default: with a few hundred rooms in use,
		// each
		// message's lookup missed and scanned every subscription (found by W5 at 19,000
		// sessions in 2,000 rooms, where a join took a scan of 38,000 subscriptions).
		registry.setCacheLimit(this.properties.web().destinationCache());
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		int limit = (int) this.properties.web().maxFrameSize().toBytes();
		registration.setMessageSizeLimit(limit);
		// A client that stops reading is closed once a frame waits this long or this
		// much waits for it; the others never wait for it.
		registration.setSendTimeLimit((int) this.properties.web().sendTimeLimit().toMillis());
		registration.setSendBufferSizeLimit((int) this.properties.web().sendBufferLimit().toBytes());
		registration.addDecoratorFactory(
				(handler) -> new BlockingSendTimeoutHandlerDecorator(handler, this.properties.web().sendTimeLimit()));
		registration.addDecoratorFactory((handler) -> new ConnectDeadlineHandlerDecorator(handler,
				this.heartbeatScheduler, this.properties.web().connectTimeout()));
		// Outside the deadline: a socket over its address's cap is closed before it
		// costs anything more.
		registration.addDecoratorFactory((handler) -> new AddressSocketsHandlerDecorator(handler, this.addressSockets));
		// Signing out ends the sockets its HTTP session opened.
		registration.addDecoratorFactory(this.signedInSockets::decorate);
	}

	@Override
	public Integer getPhase() {
		// Just after the outbox drain, which must run while browsers are still there.
		return Integer.MAX_VALUE - 100;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.stompGuardInterceptor);
	}

	@Override
	public boolean configureMessageConverters(List<MessageConverter> messageConverters) {
		messageConverters.add(new JacksonJsonMessageConverter(this.json));
		return false;
	}

}
