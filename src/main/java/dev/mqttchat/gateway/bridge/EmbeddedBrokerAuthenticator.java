package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.moquette.broker.security.IAuthenticator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may log in to the embedded broker: the gateway with its own credentials; in
 * {@code rooms} access a room credential's clients; anyone else only in {@code open}
 * access while the broker listens on loopback, and never under a gateway's client id.
 * Moquette asks only clients that send a user name; clients without one are let in only
 * while anonymous access is on ({@code open} on loopback), where the gateway's ids are
 * secrets.
 */
final class EmbeddedBrokerAuthenticator implements IAuthenticator {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedBrokerAuthenticator.class);

	private final BrokerCredentials gateway;

	private final String clientIdPrefix;

	private final boolean othersAllowed;

	private final @Nullable CredentialSessions rooms;

	EmbeddedBrokerAuthenticator(BrokerCredentials gateway, String clientIdPrefix, boolean othersAllowed) {
		this(gateway, clientIdPrefix, othersAllowed, null);
	}

	/**
	 * An authenticator that also lets in the clients of valid room credentials, when
	 * {@code rooms} is given.
	 */
	EmbeddedBrokerAuthenticator(BrokerCredentials gateway, String clientIdPrefix, boolean othersAllowed,
			@Nullable CredentialSessions rooms) {
		this.gateway = gateway;
		this.clientIdPrefix = clientIdPrefix;
		this.othersAllowed = othersAllowed;
		this.rooms = rooms;
	}

	@Override
	public boolean checkValid(String clientId, String username, byte @Nullable [] password) {
		if (this.gateway.username().equals(username)) {
			boolean valid = password != null
					&& MessageDigest.isEqual(password, this.gateway.password().getBytes(StandardCharsets.UTF_8));
			if (!valid) {
				logger.warn("Embedded broker refused a login as the gateway's user with a wrong password");
			}
			return valid;
		}
		if (MqttClientIds.isGatewayForm(clientId, this.clientIdPrefix)) {
			logger.warn("Embedded broker refused user '{}' with a gateway's client id", username);
			return false;
		}
		if (this.rooms != null) {
			return this.rooms.login(clientId, username, password);
		}
		return this.othersAllowed;
	}

}
