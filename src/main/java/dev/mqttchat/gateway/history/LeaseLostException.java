package dev.mqttchat.gateway.history;

/**
 * A batch could not be stored because its writer no longer holds the storing lease;
 * nothing of it was stored.
 */
public class LeaseLostException extends RuntimeException {

	LeaseLostException(String holder) {
		super("Instance " + holder + " no longer holds the storing lease");
	}

}
