package dev.mqttchat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The third performance round's goals (the issue "Performance, third round"), each checked against this run: the
 * gateway over Mosquitto on H2 ({@code gateway}) and over PostgreSQL ({@code gateway-postgres}) next to the peers.
 */
final class ThirdRoundGoals {

	private final Optional<Results.TargetRun> gateway;

	private final Optional<Results.TargetRun> postgres;

	private final Optional<Results.TargetRun> rabbit;

	private final List<Results.ColdStart> coldStarts;

	private final Properties meta;

	ThirdRoundGoals(List<Results.TargetRun> targets, List<Results.ColdStart> coldStarts, Properties meta) {
		this.gateway = targets.stream().filter((t) -> t.target.equals("gateway")).findFirst();
		this.postgres = targets.stream().filter((t) -> t.target.equals("gateway-postgres")).findFirst();
		this.rabbit = targets.stream().filter((t) -> t.style.equals("rabbit")).findFirst();
		this.coldStarts = coldStarts;
		this.meta = meta;
	}

	Table table() {
		Table table = new Table("goal", "measured", "status");
		w2(table, "H2", this.gateway);
		w2(table, "PostgreSQL", this.postgres);
		cpu(table);
		postgres(table);
		latency(table, "p99 under 10 ms at 500 msg/s x 1, warm, nothing lost", "500 msg/s x 1 sub", 10);
		latency(table, "p99 under 25 ms at 300 msg/s x 100, warm, nothing lost", "300 msg/s x 100 sub", 25);
		new SessionGoals(this.gateway, this.coldStarts, this.meta).rows(table);
		return table;
	}

	private void w2(Table table, String storage, Optional<Results.TargetRun> ours) {
		String goal = "W2 one busy room, every message stored, on " + storage + ": at least RabbitMQ's sustained rate";
		Optional<Double> theirs = this.rabbit.filter((r) -> r.w2 != null).map((r) -> r.w2.bestRatePerRoom());
		Optional<Double> rate = ours.filter((r) -> r.w2 != null).map((r) -> r.w2.bestRatePerRoom());
		if (rate.isEmpty() || theirs.isEmpty()) {
			table.row(goal, "not measured", "not measured");
			return;
		}
		table.row(goal, String.format(Locale.ROOT, "%s vs %s msg/s (%s)", Table.count(rate.get()),
				Table.count(theirs.get()), Table.ratio(rate.get() / theirs.get())), CostGoals.met(rate.get() >= theirs.get()));
	}

	private void cpu(Table table) {
		String goal = "CPU per message at W1 1,000 msg/s x 1, storing included: at most RabbitMQ's";
		Optional<RunResult> ours = this.gateway.flatMap((g) -> CostGoals.w1(g, "1000 msg/s x 1 sub"));
		Optional<RunResult> theirs = this.rabbit.flatMap((r) -> CostGoals.w1(r, "1000 msg/s x 1 sub"));
		if (ours.isEmpty() || theirs.isEmpty()) {
			table.row(goal, "not measured", "not measured");
			return;
		}
		double a = CostGoals.cpuMicros(ours.get());
		double b = CostGoals.cpuMicros(theirs.get());
		table.row(goal, String.format(Locale.ROOT, "%.0f vs %.0f µs of CPU per message (%s)", a, b, Table.ratio(a / b)),
				CostGoals.met(a <= b));
	}

	private void postgres(Table table) {
		String goal = "W1 over PostgreSQL: p50 within 1 ms of H2 and p99 under 10 ms, at 100 and 1,000 msg/s x 1";
		List<String> parts = new ArrayList<>();
		int met = 0;
		int cases = 0;
		for (String label : List.of("100 msg/s x 1 sub", "1000 msg/s x 1 sub")) {
			Optional<RunResult> h2 = this.gateway.flatMap((g) -> CostGoals.w1(g, label));
			Optional<RunResult> pg = this.postgres.flatMap((p) -> CostGoals.w1(p, label));
			if (h2.isPresent() && pg.isPresent()) {
				double diff = pg.get().latency().p50() - h2.get().latency().p50();
				boolean ok = diff <= 1.0 && pg.get().latency().p99() < 10 && pg.get().deliveredRatio() >= 1.0;
				cases++;
				met += ok ? 1 : 0;
				parts.add(String.format(Locale.ROOT, "%s: p50 %s vs %s ms (%+.2f), p99 %s ms, %s delivered",
						label.replace(" sub", ""), Table.ms(pg.get().latency().p50()), Table.ms(h2.get().latency().p50()),
						diff, Table.ms(pg.get().latency().p99()), Table.percent(pg.get().deliveredRatio())));
			}
		}
		table.row(goal, parts.isEmpty() ? "not measured" : String.join("; ", parts), Goals.status(met, cases));
		String commit = this.meta.getProperty("commitCost");
		table.row("What a durable commit costs on this disk (PostgreSQL's own settings kept)",
				(commit != null) ? commit : "not measured", (commit != null) ? "reported" : "not measured");
	}

	private void latency(Table table, String goal, String label, double p99) {
		Optional<RunResult> run = this.gateway.flatMap((g) -> CostGoals.w1(g, label));
		table.row(goal,
				run.map((r) -> "p50 " + Table.ms(r.latency().p50()) + " ms, p99 " + Table.ms(r.latency().p99()) + " ms, "
						+ Table.percent(r.deliveredRatio()) + " delivered").orElse("not measured"),
				run.map((r) -> CostGoals.met(r.latency().p99() < p99 && r.delivered() >= r.expected())).orElse("not measured"));
	}

}
