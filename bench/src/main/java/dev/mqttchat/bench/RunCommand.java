package dev.mqttchat.bench;

import java.nio.file.Path;
import java.time.Instant;

/** {@code run}: every workload of the plan against one target, results written to a JSON file as they come. */
final class RunCommand {

	private RunCommand() {
	}

	static void run(Flags flags) throws Exception {
		Target target = Target.fromFlags(flags);
		Settings settings = Settings.fromFlags(flags);
		Plan plan = Plan.fromFlags(flags);
		Path out = Path.of(flags.required("out"));
		Results.TargetRun results = new Results.TargetRun();
		results.target = target.name();
		results.style = target.style().label();
		results.startedAt = Instant.now().toString();
		results.loadJava = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
		results.settings = settings;
		results.plan = plan;
		try (Clients clients = new Clients(target, settings.httpClients(), settings.clientThreads(),
				settings.handshakes())) {
			Context context = new Context(target, settings, plan, clients);
			context.log("target %s, subscribers on %s, publishers on %s, processes %s", target.style().label(),
					target.webSocketUrl(), target.mqttUrl(), target.pids());
			if (!plan.warmTarget().isZero() && !plan.warmTarget().isNegative()) {
				attempt(context, results, out, "warm-up", () -> LatencyWorkloads.warm(context));
			}
			if (plan.runs("w1")) {
				attempt(context, results, out, "W1", () -> results.w1.addAll(LatencyWorkloads.w1(context)));
			}
			if (plan.runs("w2")) {
				attempt(context, results, out, "W2", () -> results.w2 = SearchWorkloads.w2(context));
			}
			if (plan.runs("w3")) {
				attempt(context, results, out, "W3", () -> results.w3.addAll(SearchWorkloads.w3(context, results.w2)));
			}
			if (plan.runs("w4")) {
				attempt(context, results, out, "W4", () -> results.w4 = LatencyWorkloads.w4(context));
			}
			if (plan.runs("w5")) {
				attempt(context, results, out, "W5", () -> MemoryWorkload.w5(context, results.w5,
						out.resolveSibling(out.getFileName().toString().replace(".json", "-w5-histogram.txt"))));
			}
			if (plan.runs("w8")) {
				attempt(context, results, out, "W8", () -> results.w8 = StalledWorkload.w8(context));
			}
		}
		results.finishedAt = Instant.now().toString();
		Json.write(out, results);
	}

	/** Runs one workload; a failure is noted in the results and the next workload still runs. */
	private static void attempt(Context context, Results.TargetRun results, Path out, String name, Step step)
			throws Exception {
		try {
			step.run();
		}
		catch (Exception ex) {
			context.log("%s failed: %s", name, ex);
			results.notes.add(name + " failed: " + ex);
		}
		Json.write(out, results);
	}

	/** One workload. */
	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

}
