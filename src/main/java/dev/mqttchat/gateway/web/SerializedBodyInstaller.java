package dev.mqttchat.gateway.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.StompSubProtocolHandler;
import org.springframework.web.socket.messaging.SubProtocolHandler;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

/**
 * Puts {@link SerializedBodyHandlerDecorator} around the STOMP handler once the endpoint
 * registry has added it (Spring offers no setting for it).
 */
@Component
class SerializedBodyInstaller implements SmartInitializingSingleton {

	private final ObjectProvider<SubProtocolWebSocketHandler> handlers;

	SerializedBodyInstaller(ObjectProvider<SubProtocolWebSocketHandler> handlers) {
		this.handlers = handlers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.handlers.orderedStream().forEach(SerializedBodyInstaller::install);
	}

	static void install(SubProtocolWebSocketHandler handler) {
		SubProtocolHandler fallback = handler.getDefaultProtocolHandler();
		List<SubProtocolHandler> decorated = handler.getProtocolHandlers()
			.stream()
			.map((protocol) -> (protocol instanceof StompSubProtocolHandler)
					? new SerializedBodyHandlerDecorator(protocol) : protocol)
			.toList();
		handler.setProtocolHandlers(decorated);
		if (fallback instanceof StompSubProtocolHandler) {
			handler.setDefaultProtocolHandler(decorated.stream()
				.filter((protocol) -> protocol instanceof SerializedBodyHandlerDecorator wrapper
						&& wrapper.delegate() == fallback)
				.findFirst()
				.orElse(fallback));
		}
	}

}
