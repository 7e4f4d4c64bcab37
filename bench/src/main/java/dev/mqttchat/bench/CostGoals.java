package dev.mqttchat.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The second performance round's goals: the cost of each message (CPU, one busy room, fan-out latency), memory at
 * 10,000 sessions, start-up, and the production configuration (PostgreSQL) next to the default one.
 */
final class CostGoals {

	private final Results.TargetRun gateway;

	private final Optional<Results.TargetRun> postgres;

	private final Optional<Results.TargetRun> rabbit;

	private final Optional<Results.TargetRun> mosquitto;

	private final List<Results.ColdStart> coldStarts;

	CostGoals(Results.TargetRun gateway, List<Results.TargetRun> targets, List<Results.ColdStart> coldStarts) {
		this.gateway = gateway;
		this.postgres = targets.stream().filter((t) -> t.target.equals("gateway-postgres")).findFirst();
		this.rabbit = targets.stream().filter((t) -> t.style.equals("rabbit")).findFirst();
		this.mosquitto = targets.stream().filter((t) -> t.style.equals("mosquitto-ws")).findFirst();
		this.coldStarts = coldStarts;
	}

	void rows(Table table) {
		double w2 = w2(this.gateway);
		Optional<Double> rabbitW2 = this.rabbit.map(CostGoals::w2);
		table.row("W2 1 -> 1, every message stored: at least RabbitMQ Web-STOMP's sustained rate",
				rabbitW2.map((r) -> rate(w2) + " vs " + rate(r) + postgresW2()).orElse("not measured"),
				rabbitW2.map((r) -> met(w2 >= r)).orElse("not measured"));
		table.row("One busy room: 5,000 msg/s from one MQTT publisher kept up with", rate(w2) + " sustained",
				met(w2 >= 5000));
		cpu(table, "CPU per message at W1 1,000 msg/s x 1: at most RabbitMQ's", "1000 msg/s x 1 sub", this.rabbit, 1);
		cpu(table, "CPU per delivery at 300 msg/s x 100 (equal load): at most 2x Mosquitto's", "300 msg/s x 100 sub",
				this.mosquitto, 2);
		Optional<RunResult> fanOut = w1(this.gateway, "300 msg/s x 100 sub");
		table.row("Fan-out latency: 300 msg/s x 100, p99 under 50 ms, nothing lost",
				fanOut.map((r) -> "p99 " + Table.ms(r.latency().p99()) + " ms, " + Table.percent(r.deliveredRatio())
						+ " delivered").orElse("not measured"),
				fanOut.map((r) -> met(r.latency().p99() < 50 && r.delivered() >= r.expected())).orElse("not measured"));
		Optional<RunResult> hundredK = w1(this.gateway, "1000 msg/s x 100 sub");
		table.row("W1 1,000 msg/s x 100 (100,000 deliveries/s) sustained",
				hundredK.map((r) -> "p99 " + Table.ms(r.latency().p99()) + " ms, " + Table.percent(r.deliveredRatio())
						+ " delivered").orElse("not measured"),
				hundredK.map((r) -> met(r.sustained())).orElse("not measured"));
		w5(table);
		w6(table);
		table.row("W9 gateway over PostgreSQL and Mosquitto: W1, W2, W3 next to H2", this.postgres.map((p) -> String
			.format(Locale.ROOT, "W1 1000 x 1 p50 %s ms; W2 %s; W3 100 subscribers %s deliveries/s",
					w1(p, "1000 msg/s x 1 sub").map((r) -> Table.ms(r.latency().p50())).orElse("–"), rate(w2(p)),
					Report.search(p, 100).map((s) -> Table.count(s.bestDeliveriesPerSec())).orElse("–")))
			.orElse("not measured"), this.postgres.isPresent() ? "reported" : "not measured");
	}

	private String postgresW2() {
		return this.postgres.map((p) -> " (PostgreSQL: " + rate(w2(p)) + ")").orElse("");
	}

	private void cpu(Table table, String goal, String label, Optional<Results.TargetRun> peer, double factor) {
		Optional<RunResult> ours = w1(this.gateway, label);
		Optional<RunResult> theirs = peer.flatMap((p) -> w1(p, label));
		if (ours.isEmpty() || theirs.isEmpty()) {
			table.row(goal, "not measured", "not measured");
			return;
		}
		double a = cpuMicros(ours.get());
		double b = cpuMicros(theirs.get());
		table.row(goal, String.format(Locale.ROOT, "%.0f vs %.0f µs of CPU (%s)", a, b, Table.ratio(a / b)),
				met(a <= b * factor));
	}

	private void w5(Table table) {
		Optional<Results.Idle> zero = this.gateway.w5.stream().filter((s) -> s.sessions() == 0).findFirst();
		Optional<Results.Idle> most = this.gateway.w5.stream().filter((s) -> s.sessions() >= 10_000).findFirst();
		if (zero.isEmpty() || most.isEmpty()) {
			table.row("W5 10,000 idle sessions held, under 25 KiB heap each", "not measured", "not measured");
			return;
		}
		Results.Idle idle = most.get();
		double perSession = (idle.heapBytes() - zero.get().heapBytes()) / 1024.0 / idle.sessions();
		table.row("W5 10,000 idle sessions held, under 25 KiB heap each",
				String.format(Locale.ROOT, "%,d of %,d subscribed, %.1f KiB each, %.0f handshakes/s", idle.subscribed(),
						idle.sessions(), perSession, idle.sessions() / Math.max(0.001, idle.openSeconds())),
				met(idle.subscribed() == idle.sessions() && perSession < 25));
	}

	private void w6(Table table) {
		Optional<Results.ColdStart> aot = this.coldStarts.stream()
			.filter((c) -> c.label().contains("25") && c.label().contains("aot")).findFirst();
		table.row("W6 JDK 25 + AOT cache: ready under 2 s, first bridged message under 2.5 s",
				aot.map((c) -> "ready " + Table.count(c.medianReadyMs()) + " ms, first message "
						+ Table.count(c.medianFirstMessageMs()) + " ms").orElse("not measured"),
				aot.map((c) -> met(c.medianReadyMs() < 2000 && c.medianFirstMessageMs() < 2500)).orElse("not measured"));
	}

	/** Microseconds of the target's CPU per delivery offered in {@code run}. */
	static double cpuMicros(RunResult run) {
		return run.targetCpu() * 1_000_000 / run.offeredDeliveriesPerSec();
	}

	static Optional<RunResult> w1(Results.TargetRun target, String label) {
		return Report.find(target.w1, "W1 " + label);
	}

	private static double w2(Results.TargetRun target) {
		return (target.w2 != null) ? target.w2.bestRatePerRoom() : 0;
	}

	private static String rate(double msgPerSec) {
		return Table.count(msgPerSec) + " msg/s";
	}

	static String met(boolean met) {
		return met ? "met" : "missed";
	}

}
