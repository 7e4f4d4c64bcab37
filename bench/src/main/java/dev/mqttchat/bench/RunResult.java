package dev.mqttchat.bench;

import java.util.Locale;

/**
 * What one run at one offered rate measured.
 *
 * @param label which workload step this was
 * @param rooms rooms in the run
 * @param subscribers subscribers measured (healthy ones only where a stalled one is present)
 * @param ratePerRoom offered messages per second to each room
 * @param offeredMessagesPerSec offered messages per second over all rooms
 * @param offeredDeliveriesPerSec offered deliveries per second over all measured subscribers
 * @param seconds length of the measured window
 * @param ready subscribers that proved live (a probe arrived) before measuring
 * @param sent measured messages published
 * @param expected deliveries owed to the measured subscribers
 * @param delivered deliveries that arrived, including late ones during the drain
 * @param deliveredRatio delivered over expected
 * @param deliveredPerSec delivered over the measured window's length
 * @param outOfOrder messages that arrived at a subscriber before one published earlier to the same room
 * @param latency latency from each message's intended send time (coordinated-omission corrected)
 * @param uncorrected latency from each message's actual send time
 * @param targetCpu CPU used by the processes under test during the measured window, in cores
 * @param loadCpu CPU used by the load tool during the measured window, in cores
 * @param publisherLagMs how far the publishers fell behind their schedule at worst
 * @param publishErrors publishes Paho refused
 * @param sustained whether at least 99.9 % was delivered and p99 stayed under 100 ms
 */
record RunResult(String label, int rooms, int subscribers, double ratePerRoom, double offeredMessagesPerSec,
		double offeredDeliveriesPerSec, double seconds, int ready, long sent, long expected, long delivered,
		double deliveredRatio, double deliveredPerSec, long outOfOrder, Latency latency, Latency uncorrected,
		double targetCpu, double loadCpu, double publisherLagMs, long publishErrors, boolean sustained) {

	static final double MIN_DELIVERED = 0.999;

	static final double MAX_P99_MS = 100.0;

	static boolean sustained(double deliveredRatio, Latency latency) {
		return deliveredRatio >= MIN_DELIVERED && latency.count() > 0 && latency.p99() < MAX_P99_MS;
	}

	/** One line for the console while the run goes on. */
	String line() {
		return String.format(Locale.ROOT,
				"%-28s %6.0f msg/s %8.0f deliv/s offered | delivered %6.2f%% %8.0f/s | p50 %8.2f p99 %8.2f p99.9 %8.2f ms"
						+ " | cpu target %.2f load %.2f | lag %.0f ms | ooo %d%s",
				this.label, this.offeredMessagesPerSec, this.offeredDeliveriesPerSec, this.deliveredRatio * 100,
				this.deliveredPerSec, this.latency.p50(), this.latency.p99(), this.latency.p999(), this.targetCpu,
				this.loadCpu, this.publisherLagMs, this.outOfOrder, this.sustained ? " | SUSTAINED" : "");
	}

}
