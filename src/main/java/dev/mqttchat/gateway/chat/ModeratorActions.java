package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.room.Role;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomAccess;

import org.springframework.stereotype.Component;

/**
 * A room's owner and moderators at work, where people sign in: an unsigned delete of
 * anyone's message and a mute, each built as an entry with the gateway's
 * {@link ModerationProof}; and the refusal of a muted person's sends.
 */
@Component
class ModeratorActions {

	/** The longest mute, in minutes: a week. */
	static final int MAX_MINUTES = 10080;

	private final boolean signIn;

	private final RoomAccess access;

	private final ModerationProof proof;

	private final Mutes mutes;

	ModeratorActions(ChatProperties properties, RoomAccess access, ModerationProof proof, Mutes mutes) {
		this.signIn = properties.auth().signIn();
		this.access = access;
		this.proof = proof;
		this.mutes = mutes;
	}

	/**
	 * Whether {@code request} asks for moderation: a mute, or a delete without a
	 * signature. Only where people sign in: elsewhere these are refused as before.
	 */
	boolean asks(@Nullable SendRequest request) {
		return this.signIn && request != null
				&& (MessageType.MUTE.wireName().equals(request.type())
						|| (MessageType.DELETE.wireName().equals(request.type()) && request.author() == null
								&& request.sig() == null));
	}

	/** Refuses the send of someone muted in room {@code roomId}, with until when. */
	void refuseIfMuted(String roomId, @Nullable String username) {
		if (this.signIn && username != null) {
			this.mutes.refusal(roomId, username).ifPresent((why) -> {
				throw new ChatRejectedException("muted", why);
			});
		}
	}

	/** The moderator's entry {@code request} asks for, or why not. */
	ChatMessage fromWeb(Room room, SendRequest request, Map<String, Object> session) {
		String username = SessionIdentity.of(session);
		Role role = this.access.roleOf(room.id(), username).orElse(null);
		boolean mute = MessageType.MUTE.wireName().equals(request.type());
		if (username == null || role == null || !role.moderates()) {
			throw new ChatRejectedException("not-a-moderator", mute ? "Only the room's owner and moderators mute."
					: "Only the room's owner and moderators delete others' messages; sign your own deletes.");
		}
		if (request.text() != null && !request.text().isEmpty()) {
			throw new ChatRejectedException("unexpected-text", "A " + request.type() + " carries no text.");
		}
		String clientMsgId = request.clientMsgId();
		if (clientMsgId != null && !ChatMessage.isValidClientId(clientMsgId)) {
			throw new ChatRejectedException("invalid-client-msg-id",
					"A clientMsgId is 1-64 characters without control characters.");
		}
		String target = mute ? Usernames.normalized(request.target()) : request.target();
		if (target == null || !ChatMessage.isValidClientId(target)) {
			throw new ChatRejectedException("invalid-target", mute ? "A mute names its target: a username."
					: "A delete names its target: the id of a message in this room, 1-64 characters.");
		}
		MuteUntil until = mute ? until(room.id(), target, request.minutes()) : null;
		String id = (clientMsgId != null) ? ChatMessage.idFor(room.id(), username, clientMsgId) : ChatMessage.newId();
		MessageType type = mute ? MessageType.MUTE : MessageType.DELETE;
		ChatMessage entry = new ChatMessage(id, room.id(), username, request.clientId(), "", Instant.now(),
				MessageSource.WEB, null, MessageEnvelope.moderation(type, target, clientMsgId, until, null));
		return entry.withEnvelope(MessageEnvelope.moderation(type, target, clientMsgId, until, this.proof.of(entry)));
	}

	private MuteUntil until(String roomId, String target, @Nullable Integer minutes) {
		if (minutes == null || minutes < 0 || minutes > MAX_MINUTES) {
			throw new ChatRejectedException("invalid-minutes",
					"A mute lasts minutes: 1 to " + MAX_MINUTES + " (a week), or 0 to lift it.");
		}
		if (this.access.roleOf(roomId, target).orElse(null) == Role.OWNER) {
			throw new ChatRejectedException("not-a-moderator", "Nobody mutes the room's owner.");
		}
		return new MuteUntil(
				(minutes == 0) ? null : Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(60L * minutes));
	}

}
