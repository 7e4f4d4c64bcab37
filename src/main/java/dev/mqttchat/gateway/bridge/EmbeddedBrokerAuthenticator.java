package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.moquette.broker.security.IAuthenticator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may log in to the embedded broker: the gateway with its own credentials; anyone
 * else only while the broker listens on loopback, and never under a gateway's client id.
 * Moquette asks only clients that send a user name; clients without one are let in only
 * while anonymous access is on (loopback), where the gateway's ids are secrets.
 */
final class EmbeddedBrokerAuthenticator implements IAuthenticator {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedBrokerAuthenticator.class);

	private final BrokerCredentials gateway;

	private final String clientIdPrefix;

	private final boolean othersAllowed;

	EmbeddedBrokerAuthenticator(BrokerCredentials gateway, String clientIdPrefix, boolean othersAllowed) {
		this.gateway = gateway;
		this.clientIdPrefix = clientIdPrefix;
		this.othersAllowed = othersAllowed;
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
		return this.othersAllowed;
	}

}
