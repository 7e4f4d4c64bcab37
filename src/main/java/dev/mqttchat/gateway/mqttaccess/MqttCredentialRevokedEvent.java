package dev.mqttchat.gateway.mqttaccess;

/**
 * A credential was revoked or expired through this instance: its connected clients are to
 * be let go.
 *
 * @param username the credential's MQTT user name
 */
public record MqttCredentialRevokedEvent(String username) {
}
