package dev.mqttchat.gateway.presence;

/**
 * A typing signal or read marker refused, with the code and reason the sender is told on
 * its error queue.
 */
class SignalRejectedException extends RuntimeException {

	private final String code;

	SignalRejectedException(String code, String reason) {
		super(reason);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
