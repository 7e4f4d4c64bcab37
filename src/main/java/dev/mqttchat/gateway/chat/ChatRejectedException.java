package dev.mqttchat.gateway.chat;

/** A SEND that the gateway refuses, with a code and a message the sender can act on. */
class ChatRejectedException extends RuntimeException {

	private final String code;

	ChatRejectedException(String code, String message) {
		super(message);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
