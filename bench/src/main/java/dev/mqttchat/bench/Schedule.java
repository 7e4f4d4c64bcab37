package dev.mqttchat.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate publishing schedule: message k is due at {@code start + k / rate}, and that due time, not the time
 * it was actually sent, is what latency is measured from, so a stalled publisher cannot hide a stalled system.
 */
final class Schedule implements Runnable {

	/** A publisher this far behind its schedule stops, and the run reports it instead of waiting forever. */
	private static final long GIVE_UP_NANOS = 5_000_000_000L;

	private final Publisher publisher;

	private final int run;

	private final double intervalNanos;

	private final long startNanos;

	private final long measureNanos;

	private final long endNanos;

	private final long[] measured;

	volatile Thread thread;

	private volatile long errors;

	private volatile long maxLagNanos;

	private volatile boolean fellBehind;

	Schedule(Publisher publisher, int run, double ratePerSecond, long startNanos, long measureNanos, long endNanos) {
		this.publisher = publisher;
		this.run = run;
		this.intervalNanos = 1e9 / ratePerSecond;
		this.startNanos = startNanos;
		this.measureNanos = measureNanos;
		this.endNanos = endNanos;
		this.measured = new long[publisher.rooms().size()];
	}

	@Override
	public void run() {
		int rooms = this.measured.length;
		long k = 0;
		long errors = 0;
		long maxLag = 0;
		while (true) {
			long due = this.startNanos + (long) (k * this.intervalNanos);
			if (due >= this.endNanos) {
				break;
			}
			long now = System.nanoTime();
			if (due > now) {
				LockSupport.parkNanos(due - now);
				continue;
			}
			long lag = now - due;
			if (lag > GIVE_UP_NANOS) {
				this.fellBehind = true;
				break;
			}
			maxLag = Math.max(maxLag, lag);
			int room = (int) (k % rooms);
			int phase = (due < this.measureNanos) ? Wire.WARMUP : Wire.MEASURE;
			if (this.publisher.publish(room, this.run, phase, due)) {
				if (phase == Wire.MEASURE) {
					this.measured[room]++;
				}
			}
			else {
				errors++;
			}
			k++;
		}
		this.errors = errors;
		this.maxLagNanos = maxLag;
	}

	/** Waits for the schedule to end, at most {@code millis}; true if it ended. */
	boolean join(long millis) throws InterruptedException {
		this.thread.join(Math.max(1, millis));
		return !this.thread.isAlive();
	}

	Publisher publisher() {
		return this.publisher;
	}

	/** Measured messages sent to room {@code index} of this schedule's publisher. */
	long measured(int index) {
		return this.measured[index];
	}

	long errors() {
		return this.errors;
	}

	long maxLagNanos() {
		return this.maxLagNanos;
	}

	boolean fellBehind() {
		return this.fellBehind;
	}

}
