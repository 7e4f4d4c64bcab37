package dev.mqttchat.gateway.bridge;

import dev.mqttchat.gateway.DeploymentSecret;

/**
 * The MQTT client ids of this gateway instance, one per adapter (adapters sharing a
 * client id would take each other's session on the broker); never taken from users.
 *
 * @param instance this instance's id, the common part of its client ids
 * @param inbound client id of the adapter that follows the live topics
 * @param outbound client id of the publishing adapter
 * @param store client id of the storing session, the same on every instance of one
 * deployment: whichever instance holds the storing lease connects with it (nobody else
 * may: it would receive, and acknowledge, what is to be stored)
 * @param rooms client id of the adapter that hears of deleted rooms
 * @param presence client id of the adapter that follows presence, typing and read
 * markers, whose last will says this instance is gone
 */
public record MqttClientIds(String instance, String inbound, String outbound, String store, String rooms,
		String presence) {

	private static final String STORE_PREFIX = "chat-store-";

	/**
	 * Ids stable across restarts, each carrying a token derived from the deployment's
	 * secret, so nobody on the broker can compute one from public facts and take that
	 * session over; the storing session's is named after the deployment alone (its topic
	 * prefix and group), never after an instance's client-id prefix: two sessions would
	 * be two members of the group, and the broker would keep a share of the messages for
	 * the one that is offline.
	 */
	static MqttClientIds of(String prefix, String instance, String topicPrefix, String sharedGroup,
			DeploymentSecret secret) {
		String base = prefix + "-" + instance + "-" + secret.derive("mqtt client ids\n" + instance, 16);
		String deployment = secret.derive("mqtt store session\n" + topicPrefix + "\n" + sharedGroup, 32);
		return new MqttClientIds(instance, base + "-in", base + "-out", STORE_PREFIX + deployment, base + "-rooms",
				base + "-presence");
	}

	/** Whether {@code clientId} has the form of a gateway's client id. */
	static boolean isGatewayForm(String clientId, String prefix) {
		return clientId.startsWith(STORE_PREFIX) || clientId.startsWith(prefix + "-");
	}

}
