package dev.mqttchat.gateway.presence;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One connection's presence in a room, as announced on the broker: a gateway's web user
 * or a plain MQTT client.
 *
 * @param username who is there
 * @param source {@code web} for a gateway's STOMP users, {@code mqtt} for MQTT clients
 * @param since when the connection came
 * @param instance the gateway instance that announced it, or {@code null} for an MQTT
 * client
 * @param author the author key the connection proved it holds, or {@code null}: two
 * connections with one name and different keys are two people
 */
public record PresenceEntry(String username, String source, Instant since, @Nullable String instance,
		@Nullable String author) {

	/** The source of a gateway's own STOMP users. */
	public static final String WEB = "web";

	/** The source of plain MQTT clients. */
	public static final String MQTT = "mqtt";

}
