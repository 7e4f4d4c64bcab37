package dev.mqttchat.gateway.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many WebSockets each client address holds open, against a cap, so that one address
 * cannot take the memory and file descriptors of thousands of sockets.
 */
final class AddressSockets {

	static final String TOO_MANY = "Too many connections from this address";

	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	private final int cap;

	AddressSockets(int cap) {
		this.cap = cap;
	}

	int cap() {
		return this.cap;
	}

	boolean isFull(String address) {
		return this.open.getOrDefault(address, 0) >= this.cap;
	}

	/** Counts one more socket of {@code address}, unless that would go over the cap. */
	boolean tryOpen(String address) {
		if (this.open.merge(address, 1, Integer::sum) <= this.cap) {
			return true;
		}
		release(address);
		return false;
	}

	void release(String address) {
		// An address with no socket left takes no room in the map.
		this.open.computeIfPresent(address, (key, count) -> (count > 1) ? count - 1 : null);
	}

}
