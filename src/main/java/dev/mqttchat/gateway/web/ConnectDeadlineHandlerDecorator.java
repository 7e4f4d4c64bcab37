package dev.mqttchat.gateway.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Closes a WebSocket whose client has not sent a STOMP CONNECT within the deadline, so
 * idle sockets cannot pile up.
 */
class ConnectDeadlineHandlerDecorator extends WebSocketHandlerDecorator {

	private static final Logger logger = LoggerFactory.getLogger(ConnectDeadlineHandlerDecorator.class);

	private static final CloseStatus NO_CONNECT = CloseStatus.POLICY_VIOLATION.withReason("No STOMP CONNECT in time");

	private final TaskScheduler scheduler;

	private final Duration deadline;

	private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

	ConnectDeadlineHandlerDecorator(WebSocketHandler delegate, TaskScheduler scheduler, Duration deadline) {
		super(delegate);
		this.scheduler = scheduler;
		this.deadline = deadline;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		this.pending.put(session.getId(),
				this.scheduler.schedule(() -> closeIdle(session), Instant.now().plus(this.deadline)));
		super.afterConnectionEstablished(session);
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (this.pending.containsKey(session.getId()) && isConnect(message)) {
			cancel(session);
		}
		super.handleMessage(session, message);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		cancel(session);
		super.afterConnectionClosed(session, closeStatus);
	}

	private static boolean isConnect(WebSocketMessage<?> message) {
		if (!(message instanceof TextMessage text)) {
			return false;
		}
		String frame = text.getPayload().stripLeading();
		return frame.startsWith("CONNECT") || frame.startsWith("STOMP");
	}

	private void cancel(WebSocketSession session) {
		ScheduledFuture<?> task = this.pending.remove(session.getId());
		if (task != null) {
			task.cancel(false);
		}
	}

	private void closeIdle(WebSocketSession session) {
		if (this.pending.remove(session.getId()) != null && session.isOpen()) {
			try {
				session.close(NO_CONNECT);
			}
			catch (IOException ex) {
				logger.debug("Closing idle WebSocket {} failed: {}", session.getId(), ex.getMessage());
			}
		}
	}

}
