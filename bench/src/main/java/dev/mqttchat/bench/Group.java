package dev.mqttchat.bench;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where a set of subscribers report what they receive: deliveries, order violations and latency, the latter
 * measured from each message's intended send time (coordinated-omission corrected) and, for comparison, from its
 * actual send time.
 */
final class Group {

	/** Latencies are recorded in microseconds up to one hour; longer ones are clamped. */
	static final long MAX_MICROS = 3_600_000_000L;

	private final String name;

	private final Recorder corrected = new Recorder(1, MAX_MICROS, 3);

	private final Recorder uncorrected = new Recorder(1, MAX_MICROS, 3);

	private final LongAdder delivered = new LongAdder();

	private final LongAdder outOfOrder = new LongAdder();

	private final LongAdder stale = new LongAdder();

	private volatile int run = -1;

	Group(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	int run() {
		return this.run;
	}

	/** Starts counting for run {@code run}; anything from earlier runs is stale from now on. */
	void reset(int run) {
		this.run = run;
		this.corrected.reset();
		this.uncorrected.reset();
		this.delivered.reset();
		this.outOfOrder.reset();
		this.stale.reset();
	}

	void measured(long receivedNanos, long intendedNanos, long actualNanos) {
		this.corrected.recordValue(micros(receivedNanos - intendedNanos));
		this.uncorrected.recordValue(micros(receivedNanos - actualNanos));
		this.delivered.increment();
	}

	void outOfOrder() {
		this.outOfOrder.increment();
	}

	void stale() {
		this.stale.increment();
	}

	long delivered() {
		return this.delivered.sum();
	}

	long outOfOrderCount() {
		return this.outOfOrder.sum();
	}

	long staleCount() {
		return this.stale.sum();
	}

	Histogram correctedHistogram() {
		return this.corrected.getIntervalHistogram();
	}

	Histogram uncorrectedHistogram() {
		return this.uncorrected.getIntervalHistogram();
	}

	private static long micros(long nanos) {
		return Math.min(MAX_MICROS, Math.max(0, nanos / 1000));
	}

}
