package dev.mqttchat.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded broker: where it listens and whom it lets in.
 *
 * @param host address it listens on
 * @param port TCP port; 0 picks a free one
 * @param access {@code open} (anonymous clients may do anything, while it listens on
 * loopback) or {@code rooms} (only the gateway and per-room credentials, each limited to
 * its room's topics); unset means {@code open} on loopback in {@code open} auth mode,
 * {@code rooms} otherwise
 */
public record EmbeddedBroker(@DefaultValue("127.0.0.1") @NotBlank String host,
		@DefaultValue("1883") @Min(0) @Max(65535) int port, @Nullable Access access) {

	/** Who may use the embedded broker besides the gateway. */
	public enum Access {

		/** Anyone, anonymously, with every right: the behaviour before credentials. */
		OPEN,

		/** Only clients with a room's credential, on that room's topics. */
		ROOMS

	}

	/**
	 * The access in force: the one set, else {@code open} only while the broker listens
	 * on loopback and nobody signs in (a reachable open broker would let anyone read
	 * every room, and signed-in names would mean nothing on it).
	 */
	public Access effectiveAccess(boolean signIn) {
		if (this.access != null) {
			return this.access;
		}
		return (isLoopback() && !signIn) ? Access.OPEN : Access.ROOMS;
	}

	/** Whether the broker listens on a loopback address only. */
	public boolean isLoopback() {
		try {
			return InetAddress.getByName(this.host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
