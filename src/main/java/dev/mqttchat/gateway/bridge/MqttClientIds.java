package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MQTT client ids of this gateway instance, one per adapter (adapters sharing a
 * client id would take each other's session on the broker); never taken from users.
 *
 * @param instance this instance's id, the common part of its client ids
 * @param inbound client id of the adapter that follows the live topics
 * @param outbound client id of the publishing adapter
 * @param store client id of the storing session, the same on every instance of one
 * deployment: whichever instance holds the storing lease connects with it
 * @param rooms client id of the adapter that hears of deleted rooms
 * @param presence client id of the adapter that follows presence, typing and read
 * markers, whose last will says this instance is gone
 */
public record MqttClientIds(String instance, String inbound, String outbound, String store, String rooms,
		String presence) {

	/**
	 * Ids stable across restarts; the storing session's is named after the deployment
	 * alone (its topic prefix and group), never after an instance's client-id prefix: two
	 * sessions would be two members of the group, and the broker would keep a share of
	 * the messages for the one that is offline.
	 */
	static MqttClientIds of(String prefix, String instance, String topicPrefix, String sharedGroup) {
		String base = prefix + "-" + instance;
		String deployment = digest(topicPrefix + "\n" + sharedGroup).substring(0, 12);
		return new MqttClientIds(instance, base + "-in", base + "-out", "chat-store-" + deployment, base + "-rooms",
				base + "-presence");
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
