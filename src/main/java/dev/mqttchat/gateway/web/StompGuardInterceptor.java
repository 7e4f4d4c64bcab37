package dev.mqttchat.gateway.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.SessionQueue;
import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.auth.StompSignIn;
import dev.mqttchat.gateway.chat.ChatError;
import dev.mqttchat.gateway.chat.ChatMetrics;
import dev.mqttchat.gateway.chat.SessionIdentity;
import dev.mqttchat.gateway.chat.Usernames;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Checks each client frame before anything acts on it: a client may subscribe only to an
 * issued room (or its presence, typing and read destinations), its own queues or the
 * author-key proof ({@code /app/author-key/challenge} and {@code /proof}), send only to a
 * room's {@code /app/rooms/{id}} (or its typing and read destinations) (the simple broker
 * reads subscriptions as patterns, and a SEND straight to {@code /topic} would bypass the
 * bridge), and name itself at CONNECT only with a valid username. A refused SUBSCRIBE or
 * SEND is dropped and answered on the client's {@code /user/queue/errors}; a refused
 * CONNECT gets a STOMP ERROR, which ends the connection. A SUBSCRIBE to a members room's
 * destinations by anyone but its members gets {@code unknown-room}
 * ({@link MembersRoomGuard}).
 */
@Component
class StompGuardInterceptor implements ChannelInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(StompGuardInterceptor.class);

	private static final String USERNAME_HEADER = "username";

	private final RoomRegistry rooms;

	private final ChatMetrics metrics;

	private final ObjectProvider<MessageChannel> clientOutboundChannel;

	private final ObjectProvider<SimpMessageSendingOperations> messaging;

	private final StompSignIn signIn;

	private final MembersRoomGuard members;

	StompGuardInterceptor(RoomRegistry rooms,
			@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel,
			ObjectProvider<SimpMessageSendingOperations> messaging, ChatMetrics metrics, StompSignIn signIn,
			MembersRoomGuard members) {
		this.rooms = rooms;
		this.members = members;
		this.signIn = signIn;
		this.metrics = metrics;
		this.clientOutboundChannel = clientOutboundChannel;
		this.messaging = messaging;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (stomp == null || stomp.getCommand() == null) {
			return message;
		}
		if (stomp.getCommand() == StompCommand.CONNECT || stomp.getCommand() == StompCommand.STOMP) {
			return connect(message, stomp);
		}
		String destination = stomp.getDestination();
		if (stomp.getCommand() == StompCommand.SUBSCRIBE && !maySubscribe(destination)) {
			return reject(stomp, "subscription-refused", "Cannot subscribe to " + printable(destination)
					+ ": subscribe to /topic/rooms/{id} (or its /presence, /typing, /read or /activity) of an issued room, or to "
					+ StompDestinations.ERROR_QUEUE + " or " + StompDestinations.RECEIPT_QUEUE + " (or "
					+ StompDestinations.KEY_CHALLENGE + " and " + StompDestinations.KEY_PROOF + " to prove a key)");
		}
		if (stomp.getCommand() == StompCommand.SEND && !maySend(destination)) {
			return reject(stomp, "send-refused", "Cannot send to " + printable(destination)
					+ ": send to /app/rooms/{id} (or its /typing or /read) of an issued room");
		}
		if (stomp.getCommand() == StompCommand.SUBSCRIBE
				&& !this.members.mayOpen(destination, stomp.getSessionAttributes())) {
			// A members room is nobody else's business. (A SEND is answered where a SEND
			// to a room never issued is, so the two answers are the same.)
			return reject(stomp, "unknown-room", "No room has this id.", StompDestinations.roomOfAnyTopic(destination));
		}
		return message;
	}

	private @Nullable Message<?> connect(Message<?> message, StompHeaderAccessor stomp) {
		String username = stomp.getFirstNativeHeader(USERNAME_HEADER);
		if (this.signIn.required()) {
			// Signed in: the provider's name, whatever the frame types.
			try {
				String name = this.signIn.nameFor(stomp.getUser(), username);
				Map<String, Object> session = stomp.getSessionAttributes();
				if (session != null) {
					SessionIdentity.sign(session, name);
				}
				return message;
			}
			catch (StompSignIn.RefusedException ex) {
				return refuse(stomp, ex.getMessage());
			}
		}
		if (username == null) {
			return message;
		}
		String name = Usernames.normalized(username);
		if (name == null) {
			return refuse(stomp, "Invalid username header: " + Usernames.whyRefused(username));
		}
		Map<String, Object> session = stomp.getSessionAttributes();
		if (session != null) {
			SessionIdentity.fix(session, name);
		}
		return message;
	}

	private @Nullable Message<?> reject(StompHeaderAccessor frame, String code, String reason) {
		return reject(frame, code, reason, null);
	}

	private @Nullable Message<?> reject(StompHeaderAccessor frame, String code, String reason,
			@Nullable String roomId) {
		// One refused frame must not cost the client its connection and its other rooms:
		// it is told on its queue.
		logger.debug("Refused {} in session {}: {}", frame.getCommand(), frame.getSessionId(), reason);
		this.metrics.rejected(code);
		String session = frame.getSessionId();
		if (session != null) {
			SessionQueue.send(this.messaging.getObject(), session, StompDestinations.USER_ERROR_QUEUE,
					new ChatError(code, reason, roomId, null));
		}
		return null;
	}

	private @Nullable Message<?> refuse(StompHeaderAccessor frame, String reason) {
		// Throwing here would be logged with a stack trace and, with ordered receipt,
		// never reach the client.
		logger.debug("Refused {} in session {}: {}", frame.getCommand(), frame.getSessionId(), reason);
		this.metrics.rejected("connect-refused");
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		error.setSessionId(frame.getSessionId());
		if (frame.getReceipt() != null) {
			error.setReceiptId(frame.getReceipt());
		}
		error.setLeaveMutable(false);
		this.clientOutboundChannel.getObject()
			.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
		return null;
	}

	private boolean maySubscribe(@Nullable String destination) {
		if (StompDestinations.ERROR_QUEUE.equals(destination) || StompDestinations.RECEIPT_QUEUE.equals(destination)
				|| StompDestinations.KEY_CHALLENGE.equals(destination)
				|| StompDestinations.KEY_PROOF.equals(destination)) {
			return true;
		}
		String room = StompDestinations.roomOfAnyTopic(destination);
		return room != null && this.rooms.find(room).isPresent();
	}

	private boolean maySend(@Nullable String destination) {
		String room = StompDestinations.roomOfAnySend(destination);
		return room != null && this.rooms.isWellFormed(room);
	}

	private static String printable(@Nullable String destination) {
		if (destination == null) {
			return "no destination";
		}
		String clean = destination.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 80) ? clean.substring(0, 80) + "..." : clean;
	}

}
