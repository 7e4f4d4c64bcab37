package dev.mqttchat.gateway.presence;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.PresenceSettings;
import dev.mqttchat.gateway.StompDestinations;
import dev.mqttchat.gateway.TokenBucket;
import dev.mqttchat.gateway.chat.ChatError;
import dev.mqttchat.gateway.chat.ChatMetrics;
import dev.mqttchat.gateway.chat.Mutes;
import dev.mqttchat.gateway.chat.SessionIdentity;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomCache;

import org.springframework.messaging.MessagingException;
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
 * Takes STOMP SENDs to {@code /app/rooms/{id}/typing} and {@code /app/rooms/{id}/read}:
 * checks who sends, the room, the marker and the session's allowance, and hands the
 * signal to the bridge. Refusals go to the sender's error queue.
 */
@Controller
class ActivityController {

	private static final String DESTINATION = SimpMessageHeaderAccessor.DESTINATION_HEADER;

	private static final String TYPING_ALLOWANCE = "chat.typingAllowance";

	private static final String READ_ALLOWANCE = "chat.readAllowance";

	private final RoomCache rooms;

	private final MessageStore store;

	private final ReadMarkers markers;

	private final PresenceAnnouncer announcer;

	private final PresenceSettings settings;

	private final ChatMetrics metrics;

	private final Mutes mutes;

	private final RoomAccess access;

	private final boolean signIn;

	ActivityController(RoomCache rooms, MessageStore store, ReadMarkers markers, PresenceAnnouncer announcer,
			ChatMetrics metrics, ChatProperties properties, Mutes mutes, RoomAccess access) {
		this.mutes = mutes;
		this.access = access;
		this.signIn = properties.auth().signIn();
		this.metrics = metrics;
		this.rooms = rooms;
		this.store = store;
		this.markers = markers;
		this.announcer = announcer;
		this.settings = properties.presence();
	}

	@MessageMapping("/rooms/{roomId}/typing")
	void typing(@DestinationVariable String roomId, SimpMessageHeaderAccessor headers) {
		String username = check(roomId, headers, TYPING_ALLOWANCE, this.settings.typingRate(),
				this.settings.typingBurst(), "typing signals");
		if (this.signIn) {
			this.mutes.refusal(roomId, username).ifPresent((why) -> {
				throw new SignalRejectedException("muted", why);
			});
		}
		announce(new PresenceSignal.Typing(roomId, username));
	}

	@MessageMapping("/rooms/{roomId}/read")
	void read(@DestinationVariable String roomId, @Payload(required = false) @Nullable ReadRequest request,
			SimpMessageHeaderAccessor headers) {
		String username = check(roomId, headers, READ_ALLOWANCE, this.settings.readRate(), this.settings.readBurst(),
				"read markers");
		Long seq = (request != null) ? request.seq() : null;
		if (seq == null || seq < 1) {
			throw new SignalRejectedException("invalid-seq",
					"A read marker is JSON like {\"seq\": 42}: the seq of the newest message read, 1 or more.");
		}
		if (seq <= this.markers.seqOf(roomId, username)) {
			// Another tab of the same reader was further already: nothing to tell.
			return;
		}
		if (this.store.find(roomId, seq).isEmpty()) {
			throw new SignalRejectedException("unknown-seq", "Room " + roomId + " has no message " + seq + ".");
		}
		announce(new PresenceSignal.Read(roomId, username, seq));
	}

	private void announce(PresenceSignal signal) {
		try {
			this.announcer.announce(signal);
		}
		catch (MessagingException ex) {
			throw new SignalRejectedException("broker-unavailable",
					"Not sent: the MQTT broker cannot be reached right now. Try again in a moment.");
		}
	}

	private String check(String roomId, SimpMessageHeaderAccessor headers, String allowanceKey, int rate, int burst,
			String what) {
		Map<String, Object> session = Objects.requireNonNull(headers.getSessionAttributes());
		String username = SessionIdentity.of(session);
		if (username == null) {
			throw new SignalRejectedException("no-username",
					"Typing and read markers need a username: send it in the CONNECT frame's username header.");
		}
		TokenBucket allowance = (TokenBucket) session.computeIfAbsent(allowanceKey,
				(key) -> new TokenBucket(burst, rate));
		if (!allowance.tryTake()) {
			throw new SignalRejectedException("rate-limited",
					"Slow down: at most " + rate + " " + what + " per second (bursts of " + burst + ").");
		}
		if (this.rooms.find(roomId).filter((room) -> this.access.mayOpen(room, username)).isEmpty()) {
			throw new SignalRejectedException("unknown-room", "No room has this id.");
		}
		return username;
	}

	@MessageExceptionHandler
	@SendToUser(destinations = StompDestinations.USER_ERROR_QUEUE, broadcast = false)
	ChatError rejected(SignalRejectedException ex, @Header(name = DESTINATION, required = false) @Nullable String to) {
		this.metrics.rejected(ex.code());
		return new ChatError(ex.code(), String.valueOf(ex.getMessage()), StompDestinations.roomOfAnySend(to), null);
	}

	@MessageExceptionHandler
	@SendToUser(destinations = StompDestinations.USER_ERROR_QUEUE, broadcast = false)
	ChatError unreadable(MessageConversionException ex,
			@Header(name = DESTINATION, required = false) @Nullable String to) {
		this.metrics.rejected("malformed");
		return new ChatError("malformed", "A read marker is JSON like {\"seq\": 42}.",
				StompDestinations.roomOfAnySend(to), null);
	}

}
