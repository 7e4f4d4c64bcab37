package dev.mqttchat.gateway.chat;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.ReactionSettings;
import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;

/**
 * Takes STOMP SENDs to {@code /app/rooms/{id}}: checks them, answers a repeat with its
 * receipt, and hands the rest to the dispatcher.
 */
@Controller
class ChatController {

	private static final String DESTINATION = SimpMessageHeaderAccessor.DESTINATION_HEADER;

	private static final Logger logger = LoggerFactory.getLogger(ChatController.class);

	private final RoomRegistry rooms;

	private final ChatMessages messages;

	private final MessageDispatcher dispatcher;

	private final PendingSends pending;

	private final MessageLookup lookup;

	private final ChatMetrics metrics;

	private final SendAllowance allowance;

	private final ReactionSettings reactionLimits;

	private final ModeratorActions moderators;

	private final RoomAccess access;

	ChatController(RoomRegistry rooms, ChatMessages messages, MessageDispatcher dispatcher, PendingSends pending,
			MessageLookup lookup, ChatMetrics metrics, SendAllowance allowance, ChatProperties properties,
			ModeratorActions moderators, RoomAccess access) {
		this.moderators = moderators;
		this.access = access;
		this.rooms = rooms;
		this.messages = messages;
		this.dispatcher = dispatcher;
		this.pending = pending;
		this.lookup = lookup;
		this.metrics = metrics;
		this.allowance = allowance;
		this.reactionLimits = properties.reactions();
	}

	@MessageMapping("/rooms/{roomId}")
	void send(@DestinationVariable String roomId, @Payload(required = false) @Nullable SendRequest request,
			SimpMessageHeaderAccessor headers) {
		try {
			accept(roomId, request, headers);
		}
		catch (ChatRejectedException ex) {
			throw ex.about((request != null) ? request.clientMsgId() : null);
		}
		catch (DataAccessException ex) {
			// The room cannot be checked, nor the message kept: the sender is told,
			// and its retry with the same clientMsgId is stored once.
			logger.warn("Message for room {} refused: the database cannot be reached: {}", roomId,
					ex.getMostSpecificCause().getMessage());
			throw new ChatRejectedException("storage-unavailable",
					"Message not sent: the gateway's database cannot be reached right now. Try again in a moment.")
				.about((request != null) ? request.clientMsgId() : null);
		}
	}

	private void accept(String roomId, @Nullable SendRequest request, SimpMessageHeaderAccessor headers) {
		Map<String, Object> session = Objects.requireNonNull(headers.getSessionAttributes());
		this.allowance.take(session);
		// A members room is there only for its members (RoomAccess): as if it were not.
		Room room = this.rooms.find(roomId)
			.filter((found) -> this.access.mayOpen(found, SessionIdentity.of(session)))
			.orElseThrow(
					() -> new ChatRejectedException("unknown-room", "No room has this id; messages were not sent."));
		this.moderators.refuseIfMuted(roomId, SessionIdentity.of(session));
		ChatMessage message = (request != null && this.moderators.asks(request))
				? this.moderators.fromWeb(room, request, session)
				: this.messages.fromWeb(roomId, room.encrypted(), request, session);
		String replyTo = message.replyTo();
		if (replyTo != null) {
			StoredMessage parent = this.lookup.findById(roomId, replyTo)
				.orElseThrow(() -> new ChatRejectedException("unknown-reply-to",
						"Not sent: this room has no message " + replyTo + " to reply to."));
			// Derived here so MQTT subscribers see it too; the store derives it again.
			message = message.withThreadId(ChatMessage.inThreadOf(parent.id(), parent.threadId()));
		}
		if (message.envelope().isAction() && message.envelope().type() != MessageType.MUTE) {
			Optional<StoredMessage> target = this.lookup.findById(roomId, String.valueOf(message.envelope().target()));
			ActionRules.Refusal refusal = ActionRules.refusal(message,
					target.map(ActionRules.TargetState::of).orElse(null));
			if (refusal == null && target.isPresent() && message.envelope().type() == MessageType.REACTION) {
				// By name, as the reactions show them: the store checks again by reactor.
				refusal = ReactionLimits.refusal(this.reactionLimits, target.get().state().reactions(),
						String.valueOf(message.envelope().emoji()), String.valueOf(message.username()));
			}
			if (refusal != null) {
				throw new ChatRejectedException(refusal.code(), "Not done: " + refusal.text());
			}
		}
		String clientMsgId = (request != null) ? request.clientMsgId() : null;
		String sessionId = headers.getSessionId();
		PendingSends.Waiter waiter = (clientMsgId != null && sessionId != null)
				? new PendingSends.Waiter(sessionId, clientMsgId) : null;
		// Waiting first, so that a store that happens meanwhile still reaches this
		// sender.
		this.pending.expect(message, waiter);
		if (waiter != null) {
			// A repeat of a SEND that was stored already: its receipt again, nothing
			// more.
			Optional<StoredMessage> stored = this.lookup.findById(roomId, message.id());
			if (stored.isPresent()) {
				this.pending.stored(stored.get());
				return;
			}
		}
		if (!this.dispatcher.dispatch(message)) {
			this.pending.forget(message);
			logger.warn("Message for room {} refused: the broker is unreachable and the outbox is full", roomId);
			throw new ChatRejectedException("broker-unavailable",
					"Message not sent: the MQTT broker cannot be reached right now and the gateway's outbox is full. "
							+ "Try again in a moment.");
		}
	}

	@MessageExceptionHandler
	@SendToUser(destinations = StompDestinations.USER_ERROR_QUEUE, broadcast = false)
	ChatError rejected(ChatRejectedException ex, @Header(name = DESTINATION, required = false) @Nullable String to) {
		this.metrics.rejected(ex.code());
		return new ChatError(ex.code(), String.valueOf(ex.getMessage()), roomOf(to), ex.clientMsgId());
	}

	@MessageExceptionHandler
	@SendToUser(destinations = StompDestinations.USER_ERROR_QUEUE, broadcast = false)
	ChatError unreadable(MessageConversionException ex,
			@Header(name = DESTINATION, required = false) @Nullable String to) {
		this.metrics.rejected("malformed");
		return new ChatError("malformed",
				"The message body must be JSON like {\"username\": \"ada\", \"text\": \"hello\"}.", roomOf(to), null);
	}

	private @Nullable String roomOf(@Nullable String destination) {
		String id = StompDestinations.roomOfSend(destination);
		return (id != null && this.rooms.isWellFormed(id)) ? id : null;
	}

}
