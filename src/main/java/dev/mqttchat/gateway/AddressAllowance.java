package dev.mqttchat.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many of something each client address may do per minute or per second: rooms
 * created, pictures uploaded, messages sent over all its STOMP sessions.
 */
public final class AddressAllowance {

	private static final int FORGET_ABOVE = 10_000;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final double burst;

	private final double perSecond;

	/** An allowance of {@code perMinute}, which may all be taken at once. */
	public AddressAllowance(int perMinute) {
		this(perMinute, perMinute / 60d);
	}

	/** An allowance of {@code perSecond} on average, {@code burst} of it at once. */
	public AddressAllowance(double burst, double perSecond) {
		this.burst = burst;
		this.perSecond = perSecond;
	}

	/**
	 * Takes one from {@code address}'s allowance; 0 if there was one, else how many
	 * seconds until there is.
	 */
	public long secondsToWait(String address) {
		if (this.buckets.size() > FORGET_ABOVE) {
			// Addresses whose allowance is whole again carry no state worth keeping.
			this.buckets.values().removeIf(TokenBucket::isFull);
		}
		TokenBucket bucket = this.buckets.computeIfAbsent(address,
				(key) -> new TokenBucket(this.burst, this.perSecond));
		return bucket.tryTake() ? 0 : Math.max(1, bucket.secondsUntilNext());
	}

}
