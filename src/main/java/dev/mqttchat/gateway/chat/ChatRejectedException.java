package dev.mqttchat.gateway.chat;

import org.jspecify.annotations.Nullable;

/** A SEND that the gateway refuses, with a code and a message the sender can act on. */
class ChatRejectedException extends RuntimeException {

	private final String code;

	private final @Nullable String clientMsgId;

	ChatRejectedException(String code, String message) {
		this(code, message, null);
	}

	private ChatRejectedException(String code, String message, @Nullable String clientMsgId) {
		super(message);
		this.code = code;
		this.clientMsgId = clientMsgId;
	}

	String code() {
		return this.code;
	}

	@Nullable String clientMsgId() {
		return this.clientMsgId;
	}

	/** The same refusal, naming the SEND it refers to. */
	ChatRejectedException about(@Nullable String clientMsgId) {
		return new ChatRejectedException(this.code, String.valueOf(getMessage()), clientMsgId);
	}

}
