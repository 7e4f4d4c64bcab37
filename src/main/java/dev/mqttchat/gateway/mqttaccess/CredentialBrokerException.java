package dev.mqttchat.gateway.mqttaccess;

/** The broker could not be told of a credential, so it is not issued. */
public class CredentialBrokerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CredentialBrokerException(String message, Throwable cause) {
		super(message, cause);
	}

}
