package dev.mqttchat.gateway;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The client address of a STOMP session: taken from its WebSocket handshake (the only
 * request it makes) and kept in the session's attributes, for limits per address.
 */
public final class ClientAddress {

	/** The session attribute that holds the address. */
	public static final String SESSION_ATTRIBUTE = "chat.clientAddress";

	private ClientAddress() {
	}

	/** Keeps {@code address} as the session's client address. */
	public static void keep(Map<String, Object> session, String address) {
		session.put(SESSION_ATTRIBUTE, address);
	}

	/** The session's client address, if its handshake gave one. */
	public static @Nullable String of(Map<String, Object> session) {
		return (session.get(SESSION_ATTRIBUTE) instanceof String address) ? address : null;
	}

}
