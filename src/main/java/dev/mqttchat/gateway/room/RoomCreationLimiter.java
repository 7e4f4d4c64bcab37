package dev.mqttchat.gateway.room;

import dev.mqttchat.gateway.AddressAllowance;
import dev.mqttchat.gateway.ChatProperties;

import org.springframework.stereotype.Component;

/**
 * Limits how many rooms one client address creates per minute, so nobody can fill the
 * registry.
 */
@Component
class RoomCreationLimiter {

	private final AddressAllowance allowance;

	RoomCreationLimiter(ChatProperties properties) {
		this.allowance = new AddressAllowance(properties.rooms().createPerMinute());
	}

	/**
	 * Takes one creation from {@code address}'s allowance; the answer says when to retry
	 * if none is left.
	 */
	long secondsToWait(String address) {
		return this.allowance.secondsToWait(address);
	}

}
