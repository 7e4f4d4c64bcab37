package dev.mqttchat.gateway.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.SerializedBody;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.messaging.SubProtocolHandler;

/**
 * Spring's STOMP handler, with MESSAGE frames of a {@link SerializedBody} written
 * straight around the body: Spring would wrap, copy and encode each subscriber's frame,
 * body and all, then decode it to text for the container to encode once more.
 */
class SerializedBodyHandlerDecorator implements SubProtocolHandler {

	private static final Logger logger = LoggerFactory.getLogger(SerializedBodyHandlerDecorator.class);

	private final SubProtocolHandler delegate;

	private final AtomicLong messageIds = new AtomicLong();

	SerializedBodyHandlerDecorator(SubProtocolHandler delegate) {
		this.delegate = delegate;
	}

	SubProtocolHandler delegate() {
		return this.delegate;
	}

	@Override
	public void handleMessageToClient(WebSocketSession session, Message<?> message) throws Exception {
		if (!(message.getPayload() instanceof SerializedBody body)) {
			this.delegate.handleMessageToClient(session, message);
			return;
		}
		try {
			session.sendMessage(new TextMessage(frame(message, body)));
		}
		catch (SessionLimitExceededException ex) {
			// A reader too slow for its limits: its session is being closed.
			throw ex;
		}
		catch (Exception ex) {
			// As Spring does: most often a tab closed meanwhile.
			logger.debug("Failed to send a message to session {}", session.getId(), ex);
			try {
				session.close(CloseStatus.PROTOCOL_ERROR);
			}
			catch (IOException closing) {
				// Gone already.
			}
		}
	}

	/**
	 * The STOMP 1.2 MESSAGE frame of {@code body} for the subscriber {@code message} is
	 * for.
	 */
	String frame(Message<?> message, SerializedBody body) {
		String destination = String.valueOf(SimpMessageHeaderAccessor.getDestination(message.getHeaders()));
		String subscription = String.valueOf(SimpMessageHeaderAccessor.getSubscriptionId(message.getHeaders()));
		String session = String.valueOf(SimpMessageHeaderAccessor.getSessionId(message.getHeaders()));
		StringBuilder frame = new StringBuilder(body.json().length() + destination.length() + 120);
		frame.append("MESSAGE\ndestination:");
		escape(destination, frame);
		frame.append("\ncontent-type:application/json\nsubscription:");
		escape(subscription, frame);
		frame.append("\nmessage-id:");
		escape(session, frame);
		frame.append('-').append(this.messageIds.getAndIncrement());
		frame.append("\ncontent-length:").append(body.length()).append("\n\n").append(body.json()).append('\0');
		return frame.toString();
	}

	/** A header value as STOMP 1.2 escapes it. */
	private static void escape(String value, StringBuilder frame) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> frame.append("\\\\");
				case ':' -> frame.append("\\c");
				case '\n' -> frame.append("\\n");
				case '\r' -> frame.append("\\r");
				default -> frame.append(c);
			}
		}
	}

	@Override
	public List<String> getSupportedProtocols() {
		return this.delegate.getSupportedProtocols();
	}

	@Override
	public void handleMessageFromClient(WebSocketSession session, WebSocketMessage<?> message,
			MessageChannel outputChannel) throws Exception {
		this.delegate.handleMessageFromClient(session, message, outputChannel);
	}

	@Override
	public String resolveSessionId(Message<?> message) {
		return this.delegate.resolveSessionId(message);
	}

	@Override
	public void afterSessionStarted(WebSocketSession session, MessageChannel outputChannel) throws Exception {
		this.delegate.afterSessionStarted(session, outputChannel);
	}

	@Override
	public void afterSessionEnded(WebSocketSession session, CloseStatus closeStatus, MessageChannel outputChannel)
			throws Exception {
		this.delegate.afterSessionEnded(session, closeStatus, outputChannel);
	}

	@Override
	public String toString() {
		return "SerializedBodyHandlerDecorator[" + this.delegate + "]";
	}

}
