package dev.mqttchat.gateway.room;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.TokenBucket;

import org.springframework.stereotype.Component;

/**
 * Limits how many rooms one client address creates per minute, so nobody can fill the
 * registry.
 */
@Component
class RoomCreationLimiter {

	private static final int FORGET_ABOVE = 10_000;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final int perMinute;

	RoomCreationLimiter(ChatProperties properties) {
		this.perMinute = properties.rooms().createPerMinute();
	}

	/**
	 * Takes one creation from {@code address}'s allowance; the answer says when to retry
	 * if none is left.
	 */
	long secondsToWait(String address) {
		if (this.buckets.size() > FORGET_ABOVE) {
			// Addresses whose allowance is whole again carry no state worth keeping.
			this.buckets.values().removeIf(TokenBucket::isFull);
		}
		TokenBucket bucket = this.buckets.computeIfAbsent(address,
				(key) -> new TokenBucket(this.perMinute, this.perMinute / 60d));
		return bucket.tryTake() ? 0 : Math.max(1, bucket.secondsUntilNext());
	}

}
