package dev.mqttchat.gateway.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * {@code chat.stomp.sessions}: the STOMP sessions open on this instance, from CONNECTED
 * to their end.
 */
@Component
class StompSessionMetrics {

	private final Set<String> open = ConcurrentHashMap.newKeySet();

	StompSessionMetrics(MeterRegistry meters) {
		Gauge.builder("chat.stomp.sessions", this.open, Set::size)
			.description("Open STOMP-over-WebSocket sessions on this instance")
			.register(meters);
	}

	@EventListener
	void onConnected(SessionConnectedEvent event) {
		String session = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
		if (session != null) {
			this.open.add(session);
		}
	}

	@EventListener
	void onDisconnected(SessionDisconnectEvent event) {
		this.open.remove(event.getSessionId());
	}

}
