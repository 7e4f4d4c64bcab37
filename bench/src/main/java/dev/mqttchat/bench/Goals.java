package dev.mqttchat.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The goals, each checked against this run's figures for the production-like gateway (over Mosquitto). */
final class Goals {

	private final Results.TargetRun gateway;

	private final Results.TargetRun rabbit;

	private final Results.TargetRun mosquitto;

	private final List<Results.ColdStart> coldStarts;

	private final List<Results.TargetRun> targets;

	Goals(List<Results.TargetRun> targets, List<Results.ColdStart> coldStarts) {
		this.gateway = targets.stream().filter((t) -> t.target.equals("gateway")).findFirst()
			.orElse(targets.stream().filter((t) -> t.style.equals("gateway")).findFirst().orElse(null));
		this.rabbit = targets.stream().filter((t) -> t.style.equals("rabbit")).findFirst().orElse(null);
		this.mosquitto = targets.stream().filter((t) -> t.style.equals("mosquitto-ws")).findFirst().orElse(null);
		this.coldStarts = coldStarts;
		this.targets = targets;
	}

	Table table() {
		Table table = new Table("goal", "measured (" + ((this.gateway != null) ? this.gateway.target : "no gateway") + ")",
				"status");
		if (this.gateway == null) {
			return table.row("all", "the gateway was not measured", "not measured");
		}
		w1(table);
		w3(table);
		w5(table);
		w6(table);
		w8(table);
		new CostGoals(this.gateway, this.targets, this.coldStarts).rows(table);
		return table;
	}

	private void w1(Table table) {
		if (this.mosquitto == null || this.gateway.w1.isEmpty()) {
			table.row("W1 p50 within 1 ms of Mosquitto's WebSocket path", "not measured", "not measured");
		}
		else {
			List<String> parts = new ArrayList<>();
			int met = 0;
			int cases = 0;
			for (RunResult g : this.gateway.w1) {
				Optional<RunResult> m = Report.find(this.mosquitto.w1, g.label());
				if (m.isPresent()) {
					double diff = g.latency().p50() - m.get().latency().p50();
					cases++;
					met += (diff <= 1.0) ? 1 : 0;
					parts.add(String.format(Locale.ROOT, "%s: %s vs %s ms (%+.2f)", caseOf(g), Table.ms(g.latency().p50()),
							Table.ms(m.get().latency().p50()), diff));
				}
			}
			table.row("W1 p50 within 1 ms of Mosquitto's WebSocket path", String.join("; ", parts),
					status(met, cases));
		}
		List<String> parts = new ArrayList<>();
		int met = 0;
		int cases = 0;
		for (RunResult g : this.gateway.w1) {
			if (g.ratePerRoom() >= 1000) {
				cases++;
				met += (g.latency().p99() < 10) ? 1 : 0;
				parts.add(caseOf(g) + ": p99 " + Table.ms(g.latency().p99()) + " ms, " + Table.percent(g.deliveredRatio())
						+ " delivered");
			}
		}
		table.row("W1 p99 under 10 ms at 1,000 msg/s", parts.isEmpty() ? "not measured" : String.join("; ", parts),
				parts.isEmpty() ? "not measured" : status(met, cases));
	}

	private void w3(Table table) {
		for (Object[] goal : new Object[][] { { this.rabbit, 1.5, "RabbitMQ Web-STOMP" },
				{ this.mosquitto, 0.8, "Mosquitto's WebSocket path" } }) {
			Results.TargetRun peer = (Results.TargetRun) goal[0];
			double factor = (double) goal[1];
			String name = "W3 sustained fan-out >= " + factor + "x " + goal[2];
			if (peer == null || this.gateway.w3.isEmpty()) {
				table.row(name, "not measured", "not measured");
				continue;
			}
			List<String> parts = new ArrayList<>();
			int met = 0;
			int cases = 0;
			for (Results.Search g : this.gateway.w3) {
				if (g.subscribers() < 100) {
					continue;
				}
				Optional<Results.Search> p = Report.search(peer, g.subscribers());
				if (p.isPresent()) {
					cases++;
					double a = g.bestDeliveriesPerSec();
					double b = p.get().bestDeliveriesPerSec();
					boolean ok = (b == 0) ? a > 0 : a / b >= factor;
					met += ok ? 1 : 0;
					parts.add(String.format(Locale.ROOT, "%d subscribers: %s vs %s deliveries/s (%s)", g.subscribers(),
							Table.count(a), Table.count(b), (b == 0) ? "peer sustained none" : Table.ratio(a / b)));
				}
			}
			table.row(name, String.join("; ", parts), status(met, cases));
		}
		Optional<Results.Search> thousand = Report.search(this.gateway, 1000);
		table.row("W3 1,000 subscribers of one room held",
				thousand.map((s) -> s.ready() + " of 1,000 live; highest sustained " + Table.count(s.bestDeliveriesPerSec())
						+ " deliveries/s").orElse("not measured"),
				thousand.map((s) -> s.held() ? "met" : "missed").orElse("not measured"));
	}

	private void w5(Table table) {
		List<Results.Idle> samples = this.gateway.w5;
		Optional<Results.Idle> zero = samples.stream().filter((s) -> s.sessions() == 0).findFirst();
		Optional<Results.Idle> most = samples.stream().filter((s) -> s.sessions() > 0)
			.max(Comparator.comparingInt(Results.Idle::sessions));
		if (zero.isEmpty() || most.isEmpty() || most.get().heapBytes() < 0) {
			table.row("W5 under 30 KiB heap per idle subscribed session", "not measured", "not measured");
			return;
		}
		double perSession = (most.get().heapBytes() - zero.get().heapBytes()) / 1024.0 / most.get().sessions();
		table.row("W5 under 30 KiB heap per idle subscribed session",
				String.format(Locale.ROOT, "%.1f KiB per session at %,d sessions", perSession, most.get().sessions()),
				(perSession < 30) ? "met" : "missed");
	}

	private void w6(Table table) {
		Optional<Results.ColdStart> aot = this.coldStarts.stream().filter((c) -> c.label().contains("25")
				&& c.label().contains("aot")).findFirst();
		List<String> parts = new ArrayList<>();
		for (Results.ColdStart c : this.coldStarts) {
			parts.add(c.label() + ": ready " + Table.count(c.medianReadyMs()) + " ms, first message "
					+ Table.count(c.medianFirstMessageMs()) + " ms");
		}
		table.row("W6 ready in under 2 s on JDK 25 with the AOT cache (JDK 17 reported too)",
				parts.isEmpty() ? "not measured" : String.join("; ", parts),
				aot.map((c) -> (c.medianReadyMs() < 2000) ? "met" : "missed").orElse("not measured"));
	}

	private void w8(Table table) {
		Results.Stalled s = this.gateway.w8;
		table.row("W8 healthy p99 within 2x of the run without the stalled subscriber",
				(s == null) ? "not measured"
						: String.format(Locale.ROOT, "%s ms alone, %s ms with the stalled one (%s)",
								Table.ms(s.baseline().latency().p99()), Table.ms(s.withStalled().latency().p99()),
								Table.ratio(s.p99Ratio())),
				(s == null) ? "not measured" : (s.p99Ratio() <= 2.0 && s.withStalled().deliveredRatio() >= 0.999)
						? "met" : "missed");
	}

	private static String caseOf(RunResult r) {
		return String.format(Locale.ROOT, "%.0f msg/s x %d", r.ratePerRoom(), r.subscribers());
	}

	/** "met", "missed", or "met in k of n cases". */
	static String status(int met, int cases) {
		if (cases == 0) {
			return "not measured";
		}
		return (met == cases) ? "met" : (met == 0) ? "missed" : "met in " + met + " of " + cases + " cases";
	}

}
