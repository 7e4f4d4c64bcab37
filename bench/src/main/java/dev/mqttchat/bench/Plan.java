package dev.mqttchat.bench;

import java.time.Duration;
import java.util.List;

/**
 * Sizes and durations of every workload: the full plan, or the quick one that finishes in a few minutes; each
 * value can be overridden by a flag of the same name.
 *
 * @param workloads which workloads to run, of w1 w2 w3 w4 w5 w8
 * @param quick whether this is the quick plan
 * @param warmTarget unmeasured load before the first workload, so JIT compilation is over when measuring starts
 * @param warmup unmeasured time before each measured window
 * @param measure length of a measured window for latency runs (W1, W4, W8)
 * @param stepMeasure length of a measured window for each step of a rate search (W2, W3)
 * @param w1Rates messages per second of W1
 * @param w1Subscribers subscriber counts of W1
 * @param w1SkipOverload skip W1's cases that offer more than 50,000 deliveries/s (quick mode: they only overload)
 * @param w2StartRate first rate of the 1 -> 1 search
 * @param w2MaxRate the 1 -> 1 search stops here even if still sustained
 * @param w3Subscribers subscriber counts of the fan-out search (1 reuses W2)
 * @param w3StartDeliveries first offered deliveries per second of each fan-out search
 * @param w3MaxDeliveries each fan-out search stops here even if still sustained
 * @param searchSteps doubling steps of a search at most
 * @param bisectSteps steps that narrow the gap between the last sustained and the first failed rate
 * @param w4Rooms rooms of W4
 * @param w4PerRoom subscribers per room of W4
 * @param w4RatePerRoom messages per second to each room of W4
 * @param w5Sessions idle session counts of W5
 * @param w5Rooms rooms the idle sessions are spread over
 * @param w5Presence whether each idle session is a person in its room (a username, and the room's presence followed),
 * as a page's is; STOMP targets only
 * @param w8Subscribers subscribers of W8's room, the stalled one included
 * @param w8Rate messages per second of W8
 * @param w8PayloadBytes payload size of W8: large, so the stalled socket fills within the window, yet under the gateway's 4,000-character text limit
 * @param w8Measure measured window of W8
 */
record Plan(List<String> workloads, boolean quick, Duration warmTarget, Duration warmup, Duration measure,
		Duration stepMeasure, List<Integer> w1Rates, List<Integer> w1Subscribers, boolean w1SkipOverload,
		int w2StartRate, int w2MaxRate, List<Integer> w3Subscribers, int w3StartDeliveries, int w3MaxDeliveries,
		int searchSteps, int bisectSteps, int w4Rooms, int w4PerRoom, double w4RatePerRoom, List<Integer> w5Sessions,
		int w5Rooms, boolean w5Presence, int w8Subscribers, int w8Rate, int w8PayloadBytes, Duration w8Measure) {

	static Plan fromFlags(Flags flags) {
		boolean quick = flags.bool("quick");
		// Quick mode leaves out W2: W3 at 100 subscribers already exercises the search.
		List<String> all = quick ? List.of("w1", "w3", "w4", "w5", "w8") : List.of("w1", "w2", "w3", "w4", "w5", "w8");
		List<String> workloads = flags.list("workloads").isEmpty() ? all : flags.list("workloads");
		// Quick: every workload once, small and short, as a smoke test of the whole run in under three minutes.
		return new Plan(workloads, quick, seconds(flags, "warm-target", quick ? 0 : 15),
				seconds(flags, "warmup", quick ? 0.5 : 2), seconds(flags, "measure", quick ? 1.5 : 10),
				seconds(flags, "step-measure", quick ? 1.5 : 4), flags.integers("w1-rates", quick ? List.of(100, 1000) : List.of(100, 300, 500, 1000)),
				flags.integers("w1-subscribers", List.of(1, 100)), quick || flags.bool("w1-skip-overload"),
				flags.integer("w2-start-rate", 4000), flags.integer("w2-max-rate", 256_000),
				flags.integers("w3-subscribers", quick ? List.of(100) : List.of(1, 100, 1000)),
				flags.integer("w3-start-deliveries", quick ? 20_000 : 5000), flags.integer("w3-max-deliveries", 512_000),
				flags.integer("search-steps", quick ? 1 : 8), flags.integer("bisect-steps", quick ? 0 : 2),
				flags.integer("w4-rooms", quick ? 20 : 100), flags.integer("w4-per-room", 10),
				flags.decimal("w4-rate-per-room", 10),
				flags.integers("w5-sessions", quick ? List.of(0, 200) : List.of(0, 1000, 10_000)),
				flags.integer("w5-rooms", 100), flags.bool("w5-presence"), flags.integer("w8-subscribers", quick ? 50 : 100), flags.integer("w8-rate", 100),
				flags.integer("w8-payload-bytes", 3000), seconds(flags, "w8-measure", quick ? 2 : 25));
	}

	private static Duration seconds(Flags flags, String name, double fallback) {
		return flags.duration(name, Duration.ofMillis(Math.round(fallback * 1000)));
	}

	boolean runs(String workload) {
		return this.workloads.contains(workload);
	}

	/** How long late deliveries are waited for after a measured window. */
	Duration drain(Duration window) {
		return Duration.ofMillis(Math.max(this.quick ? 1000 : 3000, Math.min(8000, window.toMillis())));
	}

	/** The longest wait for the system under test to go idle before a run. */
	Duration quiesceMax() {
		return this.quick ? Duration.ofSeconds(1) : Duration.ofSeconds(60);
	}

	/** How long idle sessions settle before memory is measured. */
	Duration settle() {
		return this.quick ? Duration.ofMillis(500) : Duration.ofSeconds(3);
	}

}
