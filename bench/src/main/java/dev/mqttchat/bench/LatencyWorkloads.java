package dev.mqttchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** W1 (latency at fixed rates to one room) and W4 (many rooms, a few subscribers each). */
final class LatencyWorkloads {

	private LatencyWorkloads() {
	}

	/**
	 * Unmeasured load before the first workload: the JIT compilers of the load tool (and of a JVM under test) would
	 * otherwise compete for the two cores during the first measured runs.
	 */
	static void warm(Context context) throws Exception {
		Plan plan = context.plan();
		try (Fixture fixture = Fixture.open(context.target(), context.clients(), context.settings(), 1, 50, 0,
				context.openTimeout(50))) {
			fixture.awaitReady(context.readyTimeout(50), Duration.ofMillis(200));
			RunResult result = fixture.run("warm-up (not reported)", 200, plan.warmTarget(),
					Duration.ofSeconds(1), Duration.ofSeconds(3), () -> {
					});
			context.log("%s", result.line());
		}
	}

	/** W1: p50/p99/p99.9 at each rate to each subscriber count of one room. */
	static List<RunResult> w1(Context context) throws Exception {
		Plan plan = context.plan();
		List<RunResult> results = new ArrayList<>();
		for (int subscribers : plan.w1Subscribers()) {
			context.quiesce();
			try (Fixture fixture = Fixture.open(context.target(), context.clients(), context.settings(), 1, subscribers,
					0, context.openTimeout(subscribers))) {
				int ready = fixture.awaitReady(context.readyTimeout(subscribers), Duration.ofMillis(200));
				context.log("W1 %d subscribers: %d subscribed, %d ready", subscribers, fixture.subscribedCount(), ready);
				for (int rate : plan.w1Rates()) {
					if (plan.w1SkipOverload() && (long) rate * subscribers > 50_000) {
						continue;
					}
					context.quiesce();
					RunResult result = fixture.run("W1 " + rate + " msg/s x " + subscribers + " sub", rate,
							plan.warmup(), plan.measure(), plan.drain(plan.measure()), () -> {
							});
					context.log("%s", result.line());
					results.add(result);
				}
			}
		}
		return results;
	}

	/** W4: every room gets the same rate; deliveries and latency over all rooms. */
	static RunResult w4(Context context) throws Exception {
		Plan plan = context.plan();
		int subscribers = plan.w4Rooms() * plan.w4PerRoom();
		context.quiesce();
		try (Fixture fixture = Fixture.open(context.target(), context.clients(), context.settings(), plan.w4Rooms(),
				plan.w4PerRoom(), 0, context.openTimeout(subscribers))) {
			int ready = fixture.awaitReady(context.readyTimeout(subscribers), Duration.ofMillis(500));
			context.log("W4 %d rooms x %d: %d subscribed, %d ready", plan.w4Rooms(), plan.w4PerRoom(),
					fixture.subscribedCount(), ready);
			context.quiesce();
			RunResult result = fixture.run("W4 " + plan.w4Rooms() + " rooms x " + plan.w4PerRoom() + " sub",
					plan.w4RatePerRoom(), plan.warmup(), plan.measure(), plan.drain(plan.measure()), () -> {
					});
			context.log("%s", result.line());
			return result;
		}
	}

}
