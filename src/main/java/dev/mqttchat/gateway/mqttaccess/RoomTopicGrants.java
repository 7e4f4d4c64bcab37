package dev.mqttchat.gateway.mqttaccess;

import java.util.List;

/**
 * The MQTT topic filters a room's credential may use, as the bridge names them (the
 * bridge alone knows topics).
 */
public interface RoomTopicGrants {

	/** The filters a credential of room {@code roomId} may publish and subscribe on. */
	List<String> topicsOf(String roomId);

}
