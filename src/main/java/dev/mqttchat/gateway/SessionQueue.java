package dev.mqttchat.gateway;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;

/**
 * Sends to one STOMP session's own queue ({@code /user/queue/errors} and the like) by its
 * session id, whether or not the session has a signed-in user: the one way refusals and
 * notices reach a single session.
 */
public final class SessionQueue {

	private SessionQueue() {
	}

	/** Sends {@code payload} to {@code queue} of session {@code sessionId} only. */
	public static void send(SimpMessageSendingOperations stomp, String sessionId, String queue, Object payload) {
		// The session id as the "user", with the session id header: the resolver then
		// targets exactly that session.
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		stomp.convertAndSendToUser(sessionId, queue, payload, headers.getMessageHeaders());
	}

}
