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
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Closes a WebSocket that is not a connected STOMP session within the deadline, so idle
 * sockets and sockets holding a frame they never finish cannot pile up. Only the server's
 * CONNECTED frame, sent once a whole CONNECT has been decoded and accepted, meets the
 * deadline: what the client sends proves nothing.
 */
class ConnectDeadlineHandlerDecorator extends WebSocketHandlerDecorator {

	private static final Logger logger = LoggerFactory.getLogger(ConnectDeadlineHandlerDecorator.class);

	private static final CloseStatus NO_CONNECT = CloseStatus.POLICY_VIOLATION.withReason("No STOMP CONNECT in time");

	private static final String CONNECTED = "CONNECTED\n";

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
		super.afterConnectionEstablished(new WebSocketSessionDecorator(session) {

			// Checked on every frame to this client: after CONNECTED, a field read is
			// all it costs.
			private volatile boolean connected;

			@Override
			public void sendMessage(WebSocketMessage<?> message) throws IOException {
				if (!this.connected && isConnected(message)) {
					this.connected = true;
					cancel(session);
				}
				super.sendMessage(message);
			}

		});
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		cancel(session);
		super.afterConnectionClosed(session, closeStatus);
	}

	private static boolean isConnected(WebSocketMessage<?> message) {
		// The STOMP handler writes each frame to the client as text, starting with its
		// command.
		return message instanceof TextMessage text && text.getPayload().startsWith(CONNECTED);
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
