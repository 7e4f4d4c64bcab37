package dev.mqttchat.gateway.room;

/**
 * Names where MQTT clients find a room; the bridge implements it, since it alone knows
 * how topics are named.
 */
@FunctionalInterface
public interface RoomTopicResolver {

	/** The MQTT topic of room {@code roomId}, as the REST API shows it. */
	String topicOf(String roomId);

}
