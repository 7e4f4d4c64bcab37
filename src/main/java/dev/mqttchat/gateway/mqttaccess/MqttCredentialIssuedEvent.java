package dev.mqttchat.gateway.mqttaccess;

/**
 * A credential is being issued: a broker that keeps its own users (Mosquitto's dynamic
 * security) learns it now, the only moment its password is known; a listener that throws
 * {@link CredentialBrokerException} stops the issue.
 *
 * @param credential the credential
 * @param password its password; never logged
 */
public record MqttCredentialIssuedEvent(MqttCredential credential, String password) {

	@Override
	public String toString() {
		return "MqttCredentialIssuedEvent[credential=" + this.credential + ", password=******]";
	}

}
