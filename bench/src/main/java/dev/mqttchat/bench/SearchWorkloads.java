package dev.mqttchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * W2 (highest sustained rate 1 -> 1) and W3 (highest sustained fan-out to one room): the rate doubles until a step
 * is no longer sustained (>= 99.9 % delivered, p99 < 100 ms), then a few steps narrow the gap geometrically.
 */
final class SearchWorkloads {

	private SearchWorkloads() {
	}

	static Results.Search w2(Context context) throws Exception {
		Plan plan = context.plan();
		return search(context, "W2 1->1", 1, plan.w2StartRate(), plan.w2MaxRate());
	}

	/** W3 for every subscriber count of the plan; one subscriber reuses {@code w2} when it was measured. */
	static List<Results.Search> w3(Context context, Results.Search w2) throws Exception {
		Plan plan = context.plan();
		List<Results.Search> results = new ArrayList<>();
		for (int subscribers : plan.w3Subscribers()) {
			if (subscribers == 1 && w2 != null) {
				results.add(w2);
				continue;
			}
			double start = Math.max(1, plan.w3StartDeliveries() / (double) subscribers);
			double max = plan.w3MaxDeliveries() / (double) subscribers;
			results.add(search(context, "W3 fan-out x " + subscribers, subscribers, start, max));
		}
		return results;
	}

	private static Results.Search search(Context context, String label, int subscribers, double start, double max)
			throws Exception {
		Plan plan = context.plan();
		List<RunResult> steps = new ArrayList<>();
		context.quiesce();
		try (Fixture fixture = Fixture.open(context.target(), context.clients(), context.settings(), 1, subscribers, 0,
				context.openTimeout(subscribers))) {
			int ready = fixture.awaitReady(context.readyTimeout(subscribers), Duration.ofMillis(200));
			context.log("%s: %d subscribed, %d ready", label, fixture.subscribedCount(), ready);
			if (ready < subscribers) {
				return new Results.Search(label, subscribers, ready, steps, 0, 0, false, false,
						"only " + ready + " of " + subscribers + " subscriptions became live within "
								+ context.readyTimeout(subscribers).toSeconds() + " s; not measured");
			}
			double pass = 0;
			double fail = Double.POSITIVE_INFINITY;
			double rate = start;
			boolean ceiling = false;
			// Doubling until a step fails; if the very first step fails, halving instead until one is sustained.
			for (int i = 0; i < plan.searchSteps(); i++) {
				RunResult step = step(context, fixture, label, rate);
				steps.add(step);
				if (step.sustained()) {
					pass = Math.max(pass, rate);
					if (fail < Double.POSITIVE_INFINITY) {
						break;
					}
					if (rate * 2 > max) {
						ceiling = true;
						break;
					}
					rate *= 2;
				}
				else {
					fail = Math.min(fail, rate);
					// Below 100 deliveries/s nothing is worth measuring any more.
					if (pass > 0 || rate / 2 * subscribers < 100) {
						break;
					}
					rate /= 2;
				}
			}
			if (pass > 0 && fail < Double.POSITIVE_INFINITY) {
				for (int i = 0; i < plan.bisectSteps(); i++) {
					double mid = Math.sqrt(pass * fail);
					RunResult step = step(context, fixture, label, mid);
					steps.add(step);
					if (step.sustained()) {
						pass = mid;
					}
					else {
						fail = mid;
					}
				}
			}
			String note = (pass == 0) ? "no rate tried was sustained"
					: ceiling ? "still sustained at the search's upper limit"
							: (fail == Double.POSITIVE_INFINITY) ? "still sustained when the steps ran out (a lower bound)"
									: "first unsustained step at " + Math.round(fail * subscribers) + " deliveries/s";
			return new Results.Search(label, subscribers, ready, steps, pass, pass * subscribers, pass > 0, ceiling,
					note);
		}
	}

	private static RunResult step(Context context, Fixture fixture, String label, double rate) throws Exception {
		Plan plan = context.plan();
		context.quiesce();
		RunResult result = fixture.run(label, rate, plan.warmup(), plan.stepMeasure(), plan.drain(plan.stepMeasure()),
				() -> {
				});
		context.log("%s", result.line());
		return result;
	}

}
