package dev.mqttchat.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.HdrHistogram.Histogram;

/** The Markdown report: environment, goals, one section per workload with ratios gateway/peer, charts, every run. */
final class Report {

	private final List<Results.TargetRun> targets;

	private final List<Results.ColdStart> coldStarts;

	private final Properties meta;

	private final Path dir;

	private final Path link;

	private final StringBuilder md = new StringBuilder();

	Report(List<Results.TargetRun> targets, List<Results.ColdStart> coldStarts, Properties meta, Path dir, Path link) {
		this.targets = targets;
		this.coldStarts = coldStarts;
		this.meta = meta;
		this.dir = dir;
		this.link = link;
	}

	String markdown() throws IOException {
		header();
		section("Goals of the third round", new ThirdRoundGoals(this.targets, this.coldStarts, this.meta).table()
				+ "\n" + profile());
		section("Goals of the earlier rounds", new Goals(this.targets, this.coldStarts).table().toString());
		w1();
		w2();
		w3();
		w4();
		w5();
		w6();
		w8();
		charts();
		steps();
		return this.md.toString();
	}

	/** A pointer to where this run's CPU profile and heap histogram are, where the run made them. */
	private String profile() {
		List<String> files = new ArrayList<>();
		for (String name : List.of("raw/target-gateway-w5-histogram.txt", "raw/profile-gateway.txt")) {
			if (this.dir.resolve(name).toFile().isFile()) {
				files.add("[" + name + "](" + this.link.resolve(name) + ")");
			}
		}
		return files.isEmpty() ? "" : "Heap and CPU of the gateway: " + String.join(", ", files) + ".\n";
	}

	private void header() {
		String mode = this.meta.getProperty("mode", "full");
		line("# Benchmark results " + this.meta.getProperty("date", "") + ("quick".equals(mode) ? " (quick mode)" : ""));
		line("");
		line("Produced by `bench/run.sh" + ("quick".equals(mode) ? " --quick" : "") + "`; every figure below was measured in"
				+ " this one run, on this machine. Latency is measured from each message's *intended* send time (a fixed-rate"
				+ " schedule), so it is corrected for coordinated omission; a run is *sustained* when at least 99.9 % of the"
				+ " owed deliveries arrived and p99 stayed under 100 ms.");
		line("");
		Table env = new Table("what", "value");
		env.row("machine", this.meta.getProperty("cpu", "?") + ", " + this.meta.getProperty("cores", "?") + " cores, "
				+ this.meta.getProperty("memory", "?") + ", " + this.meta.getProperty("kernel", "?"));
		env.row("gateway", "commit " + this.meta.getProperty("commit", "?") + ", `java -jar` on "
				+ this.meta.getProperty("gatewayJava", "?") + ", default JVM flags; " + this.meta.getProperty("gatewayEnv", ""));
		env.row("Mosquitto", this.meta.getProperty("mosquitto", "not installed"));
		env.row("RabbitMQ", this.meta.getProperty("rabbitmq", "not installed"));
		if (this.meta.getProperty("postgres") != null) {
			env.row("PostgreSQL", this.meta.getProperty("postgres") + " (gateway-postgres)");
		}
		env.row("load tool", this.meta.getProperty("loadJava", "?") + ", " + settings());
		env.row("duration", this.meta.getProperty("duration", "?"));
		line(env.toString());
		line("**The load tool shares the 2 cores with the system under test.** Its CPU use is shown next to every run"
				+ " (\"tool CPU\", in cores); at the highest rates the machine, not only the system under test, is the limit,"
				+ " and that holds for every target alike. Each target runs alone: the others are stopped or idle.");
		line("");
		Table targets = new Table("target", "subscribers (JDK WebSocket client)", "publishers (Paho, QoS "
				+ settingsOf().map(Settings::qos).orElse(0) + ")", "processes measured");
		for (Results.TargetRun target : this.targets) {
			targets.row("**" + target.target + "**", this.meta.getProperty("describe." + target.target, target.style),
					this.meta.getProperty("mqtt." + target.target, ""), this.meta.getProperty("pids." + target.target, ""));
		}
		line(targets.toString());
	}

	private String settings() {
		return settingsOf().map((s) -> String.format(Locale.ROOT,
				"payload %d B, %d HTTP clients (selector threads), %s, %d handshakes at a time", s.payloadBytes(),
				s.httpClients(), (s.clientThreads() == 0) ? "callbacks on the selector threads"
						: s.clientThreads() + " callback threads", s.handshakes()))
			.orElse("?");
	}

	private Optional<Settings> settingsOf() {
		return this.targets.stream().map((t) -> t.settings).filter((s) -> s != null).findFirst();
	}

	private void w1() {
		Table table = new Table("case", "target", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "delivered", "SUT CPU",
				"tool CPU");
		Set<String> cases = new LinkedHashSet<>();
		this.targets.forEach((t) -> t.w1.forEach((r) -> cases.add(r.label())));
		for (String label : cases) {
			for (Results.TargetRun target : this.targets) {
				find(target.w1, label).ifPresent((r) -> table.row(label.replace("W1 ", ""), target.target,
						Table.ms(r.latency().p50()), Table.ms(r.latency().p99()), Table.ms(r.latency().p999()),
						Table.ms(r.latency().max()), Table.percent(r.deliveredRatio()), Table.decimal(r.targetCpu(), 2),
						Table.decimal(r.loadCpu(), 2)));
			}
		}
		Table ratios = new Table("case", "gateway", "vs", "p50 difference ms", "p50 ratio", "p99 ratio", "p99.9 ratio");
		for (String label : cases) {
			for (Results.TargetRun gateway : gateways()) {
				for (Results.TargetRun peer : peers()) {
					Optional<RunResult> g = find(gateway.w1, label);
					Optional<RunResult> p = find(peer.w1, label);
					if (g.isPresent() && p.isPresent()) {
						Latency a = g.get().latency();
						Latency b = p.get().latency();
						ratios.row(label.replace("W1 ", ""), gateway.target, peer.target, Table.ms(a.p50() - b.p50()),
								Table.ratio(a.p50() / b.p50()), Table.ratio(a.p99() / b.p99()),
								Table.ratio(a.p999() / b.p999()));
					}
				}
			}
		}
		section("W1 latency at fixed rates (one room)", table + "\nRatios gateway/peer (below 1 means the gateway is faster):\n\n"
				+ ratios);
	}

	private void w2() {
		Table table = new Table("target", "highest sustained msg/s", "p50 / p99 ms there", "tool CPU there", "steps",
				"how the search ended");
		for (Results.TargetRun target : this.targets) {
			if (target.w2 != null) {
				Optional<RunResult> best = best(target.w2);
				table.row(target.target, Table.count(target.w2.bestRatePerRoom()),
						best.map((r) -> Table.ms(r.latency().p50()) + " / " + Table.ms(r.latency().p99())).orElse("–"),
						best.map((r) -> Table.decimal(r.loadCpu(), 2)).orElse("–"), target.w2.steps().size(),
						target.w2.note());
			}
		}
		section("W2 highest sustained rate, 1 publisher -> 1 subscriber", table + "\n" + searchRatios(
				(t) -> (t.w2 == null) ? Double.NaN : t.w2.bestRatePerRoom(), "msg/s"));
	}

	private void w3() {
		Table table = new Table("subscribers", "target", "highest sustained deliveries/s", "msg/s", "p99 ms there",
				"live subscribers", "how the search ended");
		Set<Integer> counts = new LinkedHashSet<>();
		this.targets.forEach((t) -> t.w3.forEach((s) -> counts.add(s.subscribers())));
		for (int count : counts) {
			for (Results.TargetRun target : this.targets) {
				search(target, count).ifPresent((s) -> table.row(count, target.target,
						Table.count(s.bestDeliveriesPerSec()), Table.decimal(s.bestRatePerRoom(), 1),
						best(s).map((r) -> Table.ms(r.latency().p99())).orElse("–"), s.ready() + " of " + count,
						s.note()));
			}
		}
		Table ratios = new Table("subscribers", "gateway", "vs", "fan-out ratio");
		for (int count : counts) {
			for (Results.TargetRun gateway : gateways()) {
				for (Results.TargetRun peer : peers()) {
					Optional<Results.Search> g = search(gateway, count);
					Optional<Results.Search> p = search(peer, count);
					if (g.isPresent() && p.isPresent()) {
						ratios.row(count, gateway.target, peer.target,
								ratio(g.get().bestDeliveriesPerSec(), p.get().bestDeliveriesPerSec()));
					}
				}
			}
		}
		section("W3 highest sustained fan-out to one room", table + "\nRatios gateway/peer (above 1 means the gateway"
				+ " delivers more):\n\n" + ratios);
	}

	private void w4() {
		Table table = new Table("target", "offered deliveries/s", "delivered", "p50 ms", "p99 ms", "p99.9 ms", "SUT CPU",
				"tool CPU", "sustained");
		for (Results.TargetRun target : this.targets) {
			RunResult r = target.w4;
			if (r != null) {
				table.row(target.target, Table.count(r.offeredDeliveriesPerSec()), Table.percent(r.deliveredRatio()),
						Table.ms(r.latency().p50()), Table.ms(r.latency().p99()), Table.ms(r.latency().p999()),
						Table.decimal(r.targetCpu(), 2), Table.decimal(r.loadCpu(), 2), r.sustained() ? "yes" : "no");
			}
		}
		String label = this.targets.stream().filter((t) -> t.w4 != null).map((t) -> t.w4.label()).findFirst().orElse("W4");
		section("W4 many rooms: " + label.replace("W4 ", ""), table.toString());
	}

	private void w5() {
		Table table = new Table("target", "sessions", "live", "heap MiB", "RSS MiB", "heap KiB per session",
				"RSS KiB per session", "seconds to open");
		for (Results.TargetRun target : this.targets) {
			Results.Idle zero = target.w5.stream().filter((s) -> s.sessions() == 0).findFirst().orElse(null);
			for (Results.Idle sample : target.w5) {
				String heapPer = "–";
				String rssPer = "–";
				if (zero != null && sample.sessions() > 0) {
					if (sample.heapBytes() >= 0 && zero.heapBytes() >= 0) {
						heapPer = Table.decimal((sample.heapBytes() - zero.heapBytes()) / 1024.0 / sample.sessions(), 1);
					}
					rssPer = Table.decimal((sample.rssBytes() - zero.rssBytes()) / 1024.0 / sample.sessions(), 1);
				}
				table.row(target.target, Table.count(sample.sessions()), Table.count(sample.ready()),
						Table.mib(sample.heapBytes()), Table.mib(sample.rssBytes()), heapPer, rssPer,
						Table.decimal(sample.openSeconds(), 1));
			}
		}
		section("W5 memory per idle subscribed session", "Heap is measured right after a full GC (`jcmd GC.run`), for JVMs"
				+ " only; RSS sums every process of the target (the gateway over Mosquitto includes Mosquitto). Per-session"
				+ " figures are the growth over 0 sessions divided by the sessions. A JVM's RSS follows its heap sizing (the"
				+ " heap grown by earlier workloads is given back after the GC), so for JVMs the heap figure is the one to"
				+ " read; a negative RSS growth means exactly that.\n\n" + table);
	}

	private void w6() {
		Table table = new Table("configuration", "JVM", "ready (health UP), median ms", "first bridged message, median ms",
				"Spring's \"Started in\" s", "starts");
		for (Results.ColdStart start : this.coldStarts) {
			double started = ColdStartCommand.median(
					start.samples().stream().mapToDouble(Results.ColdStartSample::startedSeconds).toArray());
			table.row(start.label(), start.java(), Table.count(start.medianReadyMs()),
					Table.count(start.medianFirstMessageMs()), Table.decimal(started, 2), start.samples().size());
		}
		section("W6 cold start", "From process launch (`java ... -jar`, embedded broker) to the first `UP` from"
				+ " `/actuator/health`, and to the first MQTT message reaching a STOMP subscriber of a room created right"
				+ " after. JVM options per configuration: " + String.join("; ", this.coldStarts.stream()
					.map((c) -> c.label() + " `" + (c.jvmOptions().isBlank() ? "(none)"
						// The archive's temporary directory says nothing; its file name is enough.
						: c.jvmOptions().replaceAll("=/\\S*/", "=")) + "`")
					.toList())
				+ ".\n\n" + table);
	}

	private void w8() {
		Table table = new Table("target", "healthy p99 alone ms", "healthy p99 with stalled ms", "ratio",
				"healthy delivered", "what happened to the stalled session");
		for (Results.TargetRun target : this.targets) {
			Results.Stalled s = target.w8;
			if (s != null) {
				table.row(target.target, Table.ms(s.baseline().latency().p99()), Table.ms(s.withStalled().latency().p99()),
						Table.ratio(s.p99Ratio()), Table.percent(s.withStalled().deliveredRatio()),
						s.stalledCloseReason());
			}
		}
		String detail = this.targets.stream().filter((t) -> t.w8 != null).findFirst()
			.map((t) -> String.format(Locale.ROOT, "%.0f msg/s of %d-byte payloads to %d healthy subscribers of one room;"
					+ " in the second run one more subscriber stops reading when measuring starts (its socket fills, as"
					+ " with a frozen browser tab).", t.w8.baseline().ratePerRoom(), t.w8.payloadBytes(),
					t.w8.baseline().subscribers()))
			.orElse("");
		section("W8 one subscriber that stops reading", detail + "\n\n" + table);
	}

	private void charts() throws IOException {
		StringBuilder text = new StringBuilder();
		Set<String> cases = new LinkedHashSet<>();
		this.targets.forEach((t) -> t.w1.forEach((r) -> cases.add(r.label())));
		int n = 0;
		for (String label : cases) {
			List<Charts.Named<Histogram>> series = new ArrayList<>();
			for (Results.TargetRun target : this.targets) {
				find(target.w1, label).ifPresent((r) -> series.add(new Charts.Named<>(target.target, r.latency().decode())));
			}
			String file = "latency-" + (++n) + ".png";
			Charts.latency(label + ": latency by percentile", series, this.dir.resolve(file));
			text.append("![").append(label).append("](").append(this.link.resolve(file)).append(")\n\n");
		}
		List<Charts.Named<List<double[]>>> fanOut = new ArrayList<>();
		for (Results.TargetRun target : this.targets) {
			List<double[]> points = new ArrayList<>();
			for (Results.Search s : target.w3) {
				if (s.held()) {
					points.add(new double[] { s.subscribers(), s.bestDeliveriesPerSec() });
				}
			}
			fanOut.add(new Charts.Named<>(target.target, points));
		}
		Charts.fanOut(fanOut, this.dir.resolve("fanout.png"));
		text.append("![W3 fan-out](").append(this.link.resolve("fanout.png")).append(")\n");
		section("Charts", text.toString());
	}

	private void steps() {
		StringBuilder text = new StringBuilder("Every measured run, in order (offered rate, what arrived, latency from the"
				+ " intended and from the actual send time, CPU in cores, publisher lag behind its schedule).\n\n");
		for (Results.TargetRun target : this.targets) {
			Table table = new Table("run", "offered deliveries/s", "delivered", "delivered/s", "p50", "p99", "p99.9",
					"p99 from actual send", "out of order", "SUT CPU", "tool CPU", "publisher lag ms");
			List<RunResult> runs = new ArrayList<>(target.w1);
			if (target.w2 != null) {
				runs.addAll(target.w2.steps());
			}
			target.w3.stream().filter((s) -> s != target.w2 && s.subscribers() > 1).forEach((s) -> runs.addAll(s.steps()));
			if (target.w4 != null) {
				runs.add(target.w4);
			}
			if (target.w8 != null) {
				runs.add(target.w8.baseline());
				runs.add(target.w8.withStalled());
			}
			for (RunResult r : runs) {
				table.row(r.label(), Table.count(r.offeredDeliveriesPerSec()), Table.percent(r.deliveredRatio()),
						Table.count(r.deliveredPerSec()), Table.ms(r.latency().p50()), Table.ms(r.latency().p99()),
						Table.ms(r.latency().p999()), Table.ms(r.uncorrected().p99()), r.outOfOrder(),
						Table.decimal(r.targetCpu(), 2), Table.decimal(r.loadCpu(), 2), Table.count(r.publisherLagMs()));
			}
			text.append("### ").append(target.target).append("\n\n").append(table).append('\n');
			if (!target.notes.isEmpty()) {
				text.append("Notes: ").append(String.join("; ", target.notes)).append("\n\n");
			}
		}
		section("All runs", text.toString());
	}

	private String searchRatios(ToDoubleFunction<Results.TargetRun> value, String unit) {
		Table ratios = new Table("gateway", "vs", "ratio of highest sustained " + unit);
		for (Results.TargetRun gateway : gateways()) {
			for (Results.TargetRun peer : peers()) {
				double a = value.applyAsDouble(gateway);
				double b = value.applyAsDouble(peer);
				if (!Double.isNaN(a) && !Double.isNaN(b)) {
					ratios.row(gateway.target, peer.target, ratio(a, b));
				}
			}
		}
		return ratios.isEmpty() ? "" : "Ratios gateway/peer:\n\n" + ratios;
	}

	private static String ratio(double a, double b) {
		if (Double.isNaN(a) || Double.isNaN(b)) {
			return "–";
		}
		return (b == 0) ? ((a == 0) ? "neither sustained any rate" : "peer sustained none") : Table.ratio(a / b);
	}

	private List<Results.TargetRun> gateways() {
		return this.targets.stream().filter((t) -> t.style.equals("gateway")).toList();
	}

	private List<Results.TargetRun> peers() {
		return this.targets.stream().filter((t) -> !t.style.equals("gateway")).toList();
	}

	static Optional<RunResult> find(List<RunResult> runs, String label) {
		return runs.stream().filter((r) -> r.label().equals(label)).findFirst();
	}

	static Optional<Results.Search> search(Results.TargetRun target, int subscribers) {
		return target.w3.stream().filter((s) -> s.subscribers() == subscribers).findFirst();
	}

	/** The sustained step at the highest rate of a search. */
	static Optional<RunResult> best(Results.Search search) {
		return search.steps().stream().filter(RunResult::sustained)
			.max(Comparator.comparingDouble(RunResult::ratePerRoom));
	}

	private void section(String title, String body) {
		line("## " + title);
		line("");
		line(body.strip());
		line("");
	}

	private void line(String text) {
		this.md.append(text).append('\n');
	}

}
