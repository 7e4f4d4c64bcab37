package dev.mqttchat.gateway.bridge;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import org.jspecify.annotations.Nullable;

/**
 * What the embedded broker lets each client do in {@code rooms} access: the gateway
 * everything, a room credential's clients only their room's topics
 * ({@link CredentialTopics}), nobody else anything. A refused subscription gets failure
 * (0x80) in its SUBACK; a refused publication is dropped (Moquette sends no PUBACK for
 * it), and the connection stays.
 */
final class RoomCredentialPolicy implements IAuthorizatorPolicy {

	private final String gatewayUser;

	private final CredentialSessions sessions;

	RoomCredentialPolicy(String gatewayUser, CredentialSessions sessions) {
		this.gatewayUser = gatewayUser;
		this.sessions = sessions;
	}

	@Override
	public boolean canWrite(Topic topic, @Nullable String user, String client) {
		return this.gatewayUser.equals(user) || this.sessions.mayWrite(user, client, topic.toString());
	}

	@Override
	public boolean canRead(Topic topic, @Nullable String user, String client) {
		return this.gatewayUser.equals(user) || this.sessions.mayRead(user, client, topic.toString());
	}

}
