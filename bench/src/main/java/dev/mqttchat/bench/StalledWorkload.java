package dev.mqttchat.bench;

import java.time.Duration;
import java.util.Locale;

/** W8: one subscriber that stops reading among healthy ones, against the same load with all subscribers healthy. */
final class StalledWorkload {

	private StalledWorkload() {
	}

	static Results.Stalled w8(Context context) throws Exception {
		Plan plan = context.plan();
		Settings settings = context.settings().withPayloadBytes(plan.w8PayloadBytes());
		int healthy = plan.w8Subscribers() - 1;
		Outcome baseline = measure(context, settings, healthy, 0, "W8 baseline " + healthy + " healthy");
		Outcome stalled = measure(context, settings, healthy, 1, "W8 " + healthy + " healthy + 1 stalled");
		double ratio = stalled.result().latency().p99() / baseline.result().latency().p99();
		context.log("W8 healthy p99 %.2f ms without, %.2f ms with a stalled subscriber: x%.2f",
				baseline.result().latency().p99(), stalled.result().latency().p99(), ratio);
		return new Results.Stalled(baseline.result(), stalled.result(), plan.w8PayloadBytes(), stalled.delivered(),
				stalled.closedAfterSec(), stalled.closeReason(), ratio);
	}

	private static Outcome measure(Context context, Settings settings, int healthy, int stalled, String label)
			throws Exception {
		Plan plan = context.plan();
		context.quiesce();
		try (Fixture fixture = Fixture.open(context.target(), context.clients(), settings, 1, healthy, stalled,
				context.openTimeout(healthy + stalled))) {
			int ready = fixture.awaitReady(context.readyTimeout(healthy + stalled), Duration.ofMillis(200));
			context.log("%s: %d subscribed, %d ready", label, fixture.subscribedCount(), ready);
			long[] stalledAt = new long[1];
			RunResult result = fixture.run(label, plan.w8Rate(), plan.warmup(), plan.w8Measure(),
					plan.drain(plan.w8Measure()), () -> {
						stalledAt[0] = System.nanoTime();
						fixture.stalledSubscribers().forEach(Subscriber::stall);
					});
			context.log("%s", result.line());
			if (stalled == 0) {
				return new Outcome(result, 0, -1, null);
			}
			// A stalled client cannot see the server close its socket, so it reads again to learn what happened:
			// the last message that still arrives tells how long the server kept writing to it.
			Subscriber slow = fixture.stalledSubscribers().get(0);
			long before = slow.received();
			slow.resume();
			for (int i = 0; i < (plan.quick() ? 20 : 100) && !slow.closed(); i++) {
				Thread.sleep(50);
			}
			double keptWriting = (slow.lastIntendedNanos() == 0) ? 0 : (slow.lastIntendedNanos() - stalledAt[0]) / 1e9;
			String fate = slow.closed()
					? String.format(Locale.ROOT, "closed by the server; it had sent messages up to %.1f s after the stall (%s)",
							keptWriting, slow.closeReason())
					: String.format(Locale.ROOT, "still open; %d buffered messages arrived after resuming",
							slow.received() - before);
			context.log("W8 stalled subscriber: %s", fate);
			return new Outcome(result, slow.received(), slow.closed() ? keptWriting : -1, fate);
		}
	}

	/** One W8 run and what happened to its stalled subscriber. */
	private record Outcome(RunResult result, long delivered, double closedAfterSec, String closeReason) {
	}

}
