package dev.mqttchat.gateway.push;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.chat.MessageType;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.UnreadCounter;
import dev.mqttchat.gateway.room.Access;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.dao.DataAccessException;

/**
 * Decides who is notified of a newly stored message and hands each their encrypted push:
 * subscribers of the room with {@code all}, or {@code mentions} and named in it; never
 * its author, never a device showing the room, never someone who may no longer open a
 * members room. In an end-to-end encrypted room the server cannot see mentions, so only
 * {@code all} subscribers are notified, without the text.
 */
final class PushDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(PushDispatcher.class);

	/** Payloads are padded to this many bytes, so their size tells push services less. */
	static final int PADDED_LENGTH = 1024;

	private final RoomRegistry rooms;

	private final RoomAccess access;

	private final PushSubscriptions subscriptions;

	private final PushSender sender;

	private final PushMetrics metrics;

	private final JsonMapper json;

	PushDispatcher(RoomRegistry rooms, RoomAccess access, PushSubscriptions subscriptions, PushSender sender,
			PushMetrics metrics, JsonMapper json) {
		this.rooms = rooms;
		this.access = access;
		this.subscriptions = subscriptions;
		this.sender = sender;
		this.metrics = metrics;
		this.json = json;
	}

	/**
	 * Whether a stored entry is worth a push at all: a message (not an action on one)
	 * sent within {@code ttl}, so that a late-stored old one does not ring phones.
	 */
	static boolean worthPushing(StoredMessage message, Duration ttl) {
		return message.envelope().type() == MessageType.MESSAGE && message.sentAt().isAfter(Instant.now().minus(ttl));
	}

	/** Pushes {@code message} to whoever is to be notified of it. */
	void dispatch(StoredMessage message) {
		Room room;
		List<PushSubscriptions.Recipient> recipients;
		try {
			room = this.rooms.find(message.roomId()).orElse(null);
			recipients = (room != null) ? this.subscriptions.recipients(room.id(), Instant.now()) : List.of();
		}
		catch (DataAccessException ex) {
			logger.warn("Message {} of room {} not pushed: {}", message.seq(), message.roomId(), ex.getMessage());
			return;
		}
		if (room == null || recipients.isEmpty()) {
			return;
		}
		byte[] plaintext = this.json.writeValueAsBytes(PushPayload.of(message, room));
		for (PushSubscriptions.Recipient recipient : recipients) {
			String name = recipient.name();
			if (name.equals(message.username())) {
				continue;
			}
			boolean mentioned = !room.encrypted() && UnreadCounter.mentionOf(name).matcher(message.text()).find();
			if ((recipient.level() == Notify.MENTIONS && !mentioned) || !mayOpen(room, name)) {
				continue;
			}
			try {
				byte[] body = WebPushEncryption.encrypt(plaintext, P256.fromBase64Url(recipient.subscriber().p256dh()),
						P256.fromBase64Url(recipient.subscriber().auth()), PADDED_LENGTH);
				this.sender.send(new PushSender.Delivery(recipient.hash(),
						URI.create(recipient.subscriber().endpoint()), body, mentioned ? "high" : "normal"));
			}
			catch (InterruptedException ex) {
				// Shutting down.
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				this.metrics.failed();
				logger.warn("Message {} of room {} not pushed to one subscription: {}", message.seq(), room.id(),
						ex.toString());
			}
		}
	}

	private boolean mayOpen(Room room, String name) {
		// A removal from a members room holds at once, for pushes too.
		return room.access() != Access.MEMBERS || this.access.mayOpen(room, name);
	}

}
