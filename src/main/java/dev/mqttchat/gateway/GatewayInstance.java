package dev.mqttchat.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who this gateway instance is, stable across restarts: the common part of its MQTT
 * client ids, its name in announcements and in the storing lease.
 *
 * @param id 1-64 characters of {@code [A-Za-z0-9_.-]}
 */
public record GatewayInstance(String id) {

	/**
	 * The configured id, or one derived from the host name and {@code port}; a random
	 * port ({@code 0}) gives a random suffix, as nothing stable tells such instances
	 * apart.
	 */
	public static GatewayInstance of(@Nullable String configured, int port) {
		if (configured != null && !configured.isBlank()) {
			return new GatewayInstance(configured);
		}
		String suffix = (port > 0) ? Integer.toString(port)
				: UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		String host = hostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
		String id = host + "-" + suffix;
		return new GatewayInstance((id.length() <= 64) ? id : id.substring(id.length() - 64));
	}

	private static String hostName() {
		// In a container the host name is the container's, which a restart keeps.
		String fromEnvironment = System.getenv("HOSTNAME");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "gateway";
		}
	}

}
