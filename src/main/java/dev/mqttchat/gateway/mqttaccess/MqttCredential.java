package dev.mqttchat.gateway.mqttaccess;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A valid per-room MQTT credential, as the broker needs it: never its password.
 *
 * @param username the MQTT user name
 * @param roomId the one room it gives access to
 * @param owner in {@code oidc} mode the signed-in name that asked for it, else
 * {@code null}
 * @param expiresAt when it stops letting its client connect
 */
public record MqttCredential(String username, String roomId, @Nullable String owner, Instant expiresAt) {

	/** The client id every client of this credential must begin with. */
	public String clientIdPrefix() {
		return clientIdPrefixOf(this.username);
	}

	/** Whether it has expired at {@code now}. */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	static String clientIdPrefixOf(String username) {
		return username + "-";
	}

}
