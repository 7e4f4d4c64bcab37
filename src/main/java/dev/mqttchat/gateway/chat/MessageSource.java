package dev.mqttchat.gateway.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a message entered the conversation. */
public enum MessageSource {

	/** Sent from a browser (or any STOMP client) through the gateway. */
	@JsonProperty("web")
	WEB,

	/** Published straight to the room's topic by an MQTT client. */
	@JsonProperty("mqtt")
	MQTT

}
