package dev.mqttchat.gateway.mqttaccess;

import java.time.Instant;
import java.util.List;

/**
 * A credential as {@code POST /api/rooms/{id}/mqtt-credentials} returns it, the password
 * shown this once.
 *
 * @param username the MQTT user name
 * @param password the MQTT password; also the token that revokes the credential
 * @param clientIdPrefix every client id used with it must begin with this
 * @param expiresAt when it stops letting clients connect
 * @param topics the topics and filters it may publish and subscribe on
 */
record CredentialResponse(String username, String password, String clientIdPrefix, Instant expiresAt,
		List<String> topics) {
}
