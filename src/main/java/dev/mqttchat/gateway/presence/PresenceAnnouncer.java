package dev.mqttchat.gateway.presence;

import org.springframework.integration.annotation.MessagingGateway;

/**
 * Hands a presence, typing or read signal to the bridge, which publishes it on the room's
 * MQTT topics for every instance and MQTT client.
 */
@MessagingGateway(name = "presenceAnnouncer", defaultRequestChannel = PresenceAnnouncer.CHANNEL)
public interface PresenceAnnouncer {

	/** The channel the bridge's presence publishing flow starts from. */
	String CHANNEL = "presenceOutbound";

	/**
	 * Publishes {@code signal}; returns once the MQTT client has taken it.
	 * @param signal what to tell
	 */
	void announce(PresenceSignal signal);

}
