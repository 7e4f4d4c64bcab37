package dev.mqttchat.gateway.web.memory;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * Takes WebSocket messages from the container in pieces, so no idle session holds a
 * buffer as large as the largest allowed message: the STOMP decoder reassembles frames
 * across pieces, and a message longer than the limit ends its connection (1009), as the
 * container itself would. What all sessions' unfinished frames hold together is kept
 * within a budget: the session whose frame would go over it is closed (1013), so
 * thousands of sockets each holding a frame they never finish cannot exhaust the heap.
 */
class PartialMessagesHandlerDecorator extends WebSocketHandlerDecorator {

	private static final String RECEIVED = PartialMessagesHandlerDecorator.class.getName() + ".received";

	private static final CloseStatus TOO_BIG = CloseStatus.TOO_BIG_TO_PROCESS.withReason("Message too big");

	private static final String FRAME = PartialMessagesHandlerDecorator.class.getName() + ".frame";

	private static final CloseStatus OVER_BUDGET = CloseStatus.SERVICE_OVERLOAD
		.withReason("Too much unfinished data on the server; try again later");

	private final long limit;

	private final long budget;

	private final AtomicLong unfinished = new AtomicLong();

	PartialMessagesHandlerDecorator(WebSocketHandler delegate, long limit, long budget) {
		super(delegate);
		this.limit = limit;
		this.budget = budget;
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		// Spring's STOMP handler raises every session's text buffer to 16 KB for clients
		// that split frames at 16 KB; taken in pieces, those frames need no such buffer.
		super.afterConnectionEstablished(new WebSocketSessionDecorator(session) {
			@Override
			public void setTextMessageSizeLimit(int messageSizeLimit) {
			}
		});
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		if (session.getAttributes().get(FRAME) instanceof UnfinishedFrame frame) {
			release(frame);
		}
		super.afterConnectionClosed(session, closeStatus);
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (message instanceof PongMessage) {
			// A pong may arrive between the pieces of a message; it is no part of it.
			super.handleMessage(session, message);
			return;
		}
		// Most messages arrive whole, in one piece: then there is nothing to remember.
		long before = (session.getAttributes().get(RECEIVED) instanceof Long received) ? received : 0;
		long length = before
				+ ((message instanceof TextMessage text) ? utf8Length(text.getPayload()) : message.getPayloadLength());
		if (length > this.limit) {
			session.close(TOO_BIG);
			return;
		}
		if (!message.isLast()) {
			session.getAttributes().put(RECEIVED, length);
		}
		else if (before > 0) {
			session.getAttributes().remove(RECEIVED);
		}
		if (!withinBudget(session, message)) {
			session.close(OVER_BUDGET);
			return;
		}
		super.handleMessage(session, message);
	}

	/**
	 * Counts what the message adds to the session's unfinished frame against the budget,
	 * and what a finished frame lets go; false, with the session's share let go, when it
	 * would go over.
	 */
	private boolean withinBudget(WebSocketSession session, WebSocketMessage<?> message) {
		UnfinishedFrame frame = (UnfinishedFrame) session.getAttributes()
			.computeIfAbsent(FRAME, (key) -> new UnfinishedFrame());
		synchronized (frame) {
			long before = frame.held();
			if (message instanceof TextMessage text) {
				frame.feed(text.getPayload());
			}
			else if (message.getPayload() instanceof ByteBuffer bytes) {
				frame.feed(bytes);
			}
			long total = this.unfinished.addAndGet(frame.held() - before);
			if (total <= this.budget || frame.held() <= before) {
				return true;
			}
			release(frame);
			return false;
		}
	}

	/**
	 * Lets go of the session's share for good: a message that a closing session's
	 * container still delivers counts for nothing.
	 */
	private void release(UnfinishedFrame frame) {
		synchronized (frame) {
			this.unfinished.addAndGet(-frame.held());
			frame.end();
		}
	}

	/**
	 * Bytes, as the STOMP decoder counts them against the same limit, without encoding
	 * the text.
	 */
	private static long utf8Length(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			bytes += (c < 0x80) ? 1 : (c < 0x800 || Character.isSurrogate(c)) ? 2 : 3;
		}
		return bytes;
	}

}
