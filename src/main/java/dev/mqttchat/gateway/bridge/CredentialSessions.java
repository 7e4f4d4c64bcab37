package dev.mqttchat.gateway.bridge;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.mqttaccess.MqttCredential;
import dev.mqttchat.gateway.mqttaccess.MqttCredentialRevokedEvent;
import dev.mqttchat.gateway.mqttaccess.MqttCredentials;
import dev.mqttchat.gateway.room.RoomDeletedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The room credentials logged in to this instance's embedded broker, and their clients:
 * asked once per connect (the database), then per subscription and publication (memory);
 * let go when revoked, expired or their room deleted, here at once, through another
 * instance within a minute.
 */
@Component
class CredentialSessions {

	private static final Logger logger = LoggerFactory.getLogger(CredentialSessions.class);

	private final MqttCredentials credentials;

	private final CredentialTopics topics;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private volatile Consumer<String> disconnect = (clientId) -> {
	};

	CredentialSessions(MqttCredentials credentials, CredentialTopics topics) {
		this.credentials = credentials;
		this.topics = topics;
	}

	/** How a client is thrown off the broker, once it runs. */
	void disconnectWith(Consumer<String> disconnect) {
		this.disconnect = disconnect;
	}

	/** Whether these are a valid credential's, and if so remembers its client. */
	boolean login(String clientId, String username, byte @Nullable [] password) {
		Optional<MqttCredential> credential = this.credentials.verify(username, password, clientId);
		credential.ifPresent((valid) -> this.sessions
			.computeIfAbsent(username, (name) -> new Session(valid, ConcurrentHashMap.newKeySet()))
			.clients()
			.add(clientId));
		return credential.isPresent();
	}

	boolean mayWrite(@Nullable String username, String clientId, String topic) {
		MqttCredential credential = valid(username, clientId);
		return credential != null && this.topics.mayWrite(credential.roomId(), clientId, topic);
	}

	boolean mayRead(@Nullable String username, String clientId, String filter) {
		MqttCredential credential = valid(username, clientId);
		return credential != null && this.topics.mayRead(credential.roomId(), filter);
	}

	/** The owner of the credential a client logged in with, in {@code oidc} mode. */
	Optional<String> ownerOf(@Nullable String username) {
		Session session = (username != null) ? this.sessions.get(username) : null;
		return (session != null) ? Optional.ofNullable(session.credential().owner()) : Optional.empty();
	}

	/** A client of a credential left the broker. */
	void left(@Nullable String username, String clientId) {
		Session session = (username != null) ? this.sessions.get(username) : null;
		if (session != null) {
			session.clients().remove(clientId);
		}
	}

	@EventListener
	void revoked(MqttCredentialRevokedEvent event) {
		end(event.username());
	}

	@EventListener
	void roomDeleted(RoomDeletedEvent event) {
		this.sessions.values()
			.stream()
			.filter((session) -> session.credential().roomId().equals(event.roomId()))
			.map((session) -> session.credential().username())
			.toList()
			.forEach(this::end);
	}

	/**
	 * Lets go of credentials revoked through other instances, expired or gone with their
	 * room.
	 */
	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void recheck() {
		for (String username : Set.copyOf(this.sessions.keySet())) {
			if (this.credentials.current(username).isEmpty()) {
				end(username);
			}
		}
	}

	private @Nullable MqttCredential valid(@Nullable String username, String clientId) {
		Session session = (username != null) ? this.sessions.get(username) : null;
		if (session == null || !session.clients().contains(clientId)
				|| session.credential().isExpiredAt(Instant.now())) {
			return null;
		}
		return session.credential();
	}

	private void end(String username) {
		Session session = this.sessions.remove(username);
		if (session != null) {
			logger.info("MQTT credential {} no longer valid: disconnecting its {} client(s)", username,
					session.clients().size());
			session.clients().forEach(this.disconnect);
		}
	}

	private record Session(MqttCredential credential, Set<String> clients) {
	}

}
