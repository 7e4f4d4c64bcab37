package dev.mqttchat.gateway.bridge;

import java.io.IOException;

/** The embedded broker's port is taken; the message names the settings that fix it. */
class EmbeddedBrokerPortInUseException extends IllegalStateException {

	EmbeddedBrokerPortInUseException(String host, int port, IOException cause) {
		super("Embedded MQTT broker cannot listen on " + host + ":" + port + " because the port is in use: set "
				+ "chat.mqtt.embedded.port (CHAT_MQTT_EMBEDDED_PORT) to a free port, or chat.mqtt.url (CHAT_MQTT_URL) "
				+ "to the broker that holds it", cause);
	}

}
