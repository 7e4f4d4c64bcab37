package dev.mqttchat.gateway;

/**
 * A token bucket: {@code capacity} tokens at most, refilled continuously at
 * {@code perSecond}.
 */
public final class TokenBucket {

	private final double capacity;

	private final double perNano;

	private double tokens;

	private long refilledAt;

	public TokenBucket(double capacity, double perSecond) {
		this.capacity = capacity;
		this.perNano = perSecond / 1_000_000_000d;
		this.tokens = capacity;
		this.refilledAt = System.nanoTime();
	}

	/** Takes one token if there is one. */
	public synchronized boolean tryTake() {
		long now = System.nanoTime();
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perNano);
		this.refilledAt = now;
		if (this.tokens < 1) {
			return false;
		}
		this.tokens -= 1;
		return true;
	}

	/** Seconds until the next token, rounded up; 0 if one is there now. */
	public synchronized long secondsUntilNext() {
		return (this.tokens >= 1) ? 0 : (long) Math.ceil((1 - this.tokens) / this.perNano / 1_000_000_000d);
	}

	/** Whether the bucket is full again, so whoever owns it may forget it. */
	public synchronized boolean isFull() {
		return this.tokens + (System.nanoTime() - this.refilledAt) * this.perNano >= this.capacity;
	}

}
