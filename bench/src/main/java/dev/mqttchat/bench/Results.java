package dev.mqttchat.bench;

import java.util.ArrayList;
import java.util.List;

/** The result records one target's workloads produce, written as JSON and read back by the report. */
final class Results {

	private Results() {
	}

	/** Everything measured against one target in one run of the tool. */
	static final class TargetRun {

		public String target;

		public String style;

		public String startedAt;

		public String finishedAt;

		public String loadJava;

		public Settings settings;

		public Plan plan;

		public List<RunResult> w1 = new ArrayList<>();

		public Search w2;

		public List<Search> w3 = new ArrayList<>();

		public RunResult w4;

		public List<Idle> w5 = new ArrayList<>();

		public Stalled w8;

		public List<String> notes = new ArrayList<>();

	}

	/**
	 * The highest sustained rate found for one subscriber count.
	 *
	 * @param label workload and subscriber count
	 * @param subscribers subscribers of the one room
	 * @param ready subscribers proven live before the search
	 * @param steps every run of the search, in order
	 * @param bestRatePerRoom highest sustained messages per second, 0 if none was sustained
	 * @param bestDeliveriesPerSec deliveries per second at that rate
	 * @param held whether any rate was sustained
	 * @param ceiling whether the search stopped at its upper limit while still sustained
	 * @param note why the search stopped or was skipped
	 */
	record Search(String label, int subscribers, int ready, List<RunResult> steps, double bestRatePerRoom,
			double bestDeliveriesPerSec, boolean held, boolean ceiling, String note) {
	}

	/**
	 * Memory with a number of idle, subscribed sessions.
	 *
	 * @param sessions sessions opened
	 * @param subscribed sessions whose subscription was accepted
	 * @param ready sessions a probe message reached
	 * @param heapBytes used heap after a full GC, summed over the JVMs under test; -1 where there is none
	 * @param rssBytes resident memory summed over the processes under test
	 * @param openSeconds time to open and subscribe the sessions added in this step
	 */
	record Idle(int sessions, int subscribed, int ready, long heapBytes, long rssBytes, double openSeconds) {
	}

	/**
	 * The healthy subscribers' latency with and without one subscriber that stops reading.
	 *
	 * @param baseline all subscribers healthy
	 * @param withStalled the same load with one subscriber that stops reading when measuring starts
	 * @param payloadBytes payload size used
	 * @param stalledDelivered measured messages that reached the stalled subscriber, counted once it read again
	 * @param stalledClosedAfterSec if the server closed the stalled session: how long after the stall it still
	 * wrote messages to it, in seconds; -1 if the session stayed open
	 * @param stalledCloseReason what happened to the stalled session
	 * @param p99Ratio healthy p99 with the stalled subscriber over healthy p99 without
	 */
	record Stalled(RunResult baseline, RunResult withStalled, int payloadBytes, long stalledDelivered,
			double stalledClosedAfterSec, String stalledCloseReason, double p99Ratio) {
	}

	/**
	 * One start of the gateway.
	 *
	 * @param readyMs from process launch to the first healthy answer of {@code /actuator/health}
	 * @param firstMessageMs from process launch to the first MQTT message reaching a STOMP subscriber
	 * @param startedSeconds what Spring Boot's own "Started ... in" line says, -1 if absent
	 */
	record ColdStartSample(double readyMs, double firstMessageMs, double startedSeconds) {
	}

	/**
	 * The cold starts of one JVM configuration.
	 *
	 * @param label name of the configuration
	 * @param java the JVM's version line
	 * @param jvmOptions options the gateway ran with
	 * @param samples every start
	 * @param medianReadyMs median of the readiness times
	 * @param medianFirstMessageMs median of the first-message times
	 */
	record ColdStart(String label, String java, String jvmOptions, List<ColdStartSample> samples,
			double medianReadyMs, double medianFirstMessageMs) {
	}

}
