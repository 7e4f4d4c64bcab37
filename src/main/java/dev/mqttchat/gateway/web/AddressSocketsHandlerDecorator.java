package dev.mqttchat.gateway.web;

import dev.mqttchat.gateway.ClientAddress;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Counts each open WebSocket against its client address's cap, and closes (1008) one over
 * it that raced past {@link AddressSocketsInterceptor}'s check; the handlers within never
 * see such a session.
 */
class AddressSocketsHandlerDecorator extends WebSocketHandlerDecorator {

	private static final String REFUSED = AddressSocketsHandlerDecorator.class.getName() + ".refused";

	private static final CloseStatus TOO_MANY = CloseStatus.POLICY_VIOLATION.withReason(AddressSockets.TOO_MANY);

	private final AddressSockets sockets;

	AddressSocketsHandlerDecorator(WebSocketHandler delegate, AddressSockets sockets) {
		super(delegate);
		this.sockets = sockets;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		String address = ClientAddress.of(session.getAttributes());
		if (address != null && !this.sockets.tryOpen(address)) {
			session.getAttributes().put(REFUSED, Boolean.TRUE);
			session.close(TOO_MANY);
			return;
		}
		super.afterConnectionEstablished(session);
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (!session.getAttributes().containsKey(REFUSED)) {
			super.handleMessage(session, message);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		if (session.getAttributes().containsKey(REFUSED)) {
			return;
		}
		String address = ClientAddress.of(session.getAttributes());
		if (address != null) {
			this.sockets.release(address);
		}
		super.afterConnectionClosed(session, closeStatus);
	}

}
