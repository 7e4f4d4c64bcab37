package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.EmbeddedBroker.Access;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.history.Incoming;

import org.springframework.stereotype.Component;

/**
 * In {@code oidc} mode with the embedded broker in {@code rooms} access, the name a room
 * credential's client publishes under is its owner's: the broker's interceptor says who
 * published each room message (it is told after the broker routed it, so the store waits
 * for that word, up to a second), and the store stamps a message without a name with the
 * owner's and refuses one under another name ({@code not-your-name}).
 */
@Component
class PublisherNames {

	/** Who published a room message: the gateway, or a credential of this owner. */
	record Publisher(@Nullable String owner) {
	}

	static final Publisher GATEWAY = new Publisher("\u0000gateway");

	private static final long WAIT_NANOS = Duration.ofSeconds(1).toNanos();

	private static final int MAX_WAITING = 10_000;

	private final boolean enforced;

	private final RoomTopics topics;

	private final Map<String, Deque<Publisher>> publishers = new HashMap<>();

	PublisherNames(ChatProperties properties, RoomTopics topics) {
		this.enforced = properties.auth().signIn() && properties.mqtt().useEmbedded()
				&& properties.mqtt().embedded().effectiveAccess(true) == Access.ROOMS;
		this.topics = topics;
	}

	boolean enforced() {
		return this.enforced;
	}

	boolean isRoomTopic(String topic) {
		return this.topics.roomOf(topic).isPresent();
	}

	synchronized void published(String topic, byte[] payload, Publisher publisher) {
		if (this.publishers.size() > MAX_WAITING) {
			// Only a store that stopped asking (another instance took the storing session
			// over) leaves them: none is waited for any more.
			this.publishers.clear();
		}
		this.publishers.computeIfAbsent(key(topic, payload), (key) -> new ArrayDeque<>()).add(publisher);
		notifyAll();
	}

	/**
	 * {@code incoming} as it may be stored: unchanged from the gateway or without
	 * enforcement, named after its credential's owner, or {@code null} (refused).
	 */
	@Nullable Incoming check(String topic, byte[] payload, @Nullable Incoming incoming, Consumer<Refusal> refused) {
		if (!this.enforced || !isRoomTopic(topic)) {
			return incoming;
		}
		Publisher publisher = take(key(topic, payload));
		if (incoming == null || publisher == GATEWAY) {
			return incoming;
		}
		ChatMessage message = incoming.message();
		String owner = (publisher != null) ? publisher.owner() : null;
		if (owner != null && owner.equals(message.username())) {
			return incoming;
		}
		if (owner != null && message.username() == null && !message.envelope().isSigned()) {
			return new Incoming(new ChatMessage(message.id(), message.roomId(), owner, message.clientId(),
					message.text(), message.sentAt(), message.source(), message.replyTo(), message.attachments(),
					message.envelope(), message.bot(), message.threadId()), incoming.possibleRepeat());
		}
		refused.accept(Refusal.of(message, "not-your-name", (owner == null) ? "not published under a signed-in name"
				: "published with " + owner + "'s credential under another name"));
		return null;
	}

	private @Nullable Publisher take(String key) {
		long deadline = System.nanoTime() + WAIT_NANOS;
		synchronized (this) {
			while (true) {
				Deque<Publisher> waiting = this.publishers.get(key);
				Publisher publisher = (waiting != null) ? waiting.poll() : null;
				if (publisher != null || System.nanoTime() >= deadline) {
					if (waiting != null && waiting.isEmpty()) {
						this.publishers.remove(key);
					}
					return publisher;
				}
				try {
					wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return null;
				}
			}
		}
	}

	private static String key(String topic, byte[] payload) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(topic.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			return HexFormat.of().formatHex(digest.digest(Objects.requireNonNull(payload)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
