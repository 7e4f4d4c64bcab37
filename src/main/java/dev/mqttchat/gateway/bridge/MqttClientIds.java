package dev.mqttchat.gateway.bridge;

import java.util.UUID;

/**
 * The generated MQTT client ids of this gateway instance, one per adapter (adapters
 * sharing a client id would take each other's session on the broker); never taken from
 * users.
 *
 * @param instance this instance's id, the common part of its client ids
 * @param inbound client id of the adapter that follows the live topics
 * @param outbound client id of the publishing adapter
 * @param store client id of the adapter that stores messages
 * @param rooms client id of the adapter that hears of deleted rooms
 */
public record MqttClientIds(String instance, String inbound, String outbound, String store, String rooms) {

	/**
	 * Ids generated per process, so several gateway instances never take each other's
	 * sessions.
	 */
	static MqttClientIds generate(String prefix) {
		String base = prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		return new MqttClientIds(base, base + "-in", base + "-out", base + "-store", base + "-rooms");
	}

}
