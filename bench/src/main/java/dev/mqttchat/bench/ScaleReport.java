package dev.mqttchat.bench;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The scale-out workload's Markdown report: per instance CPU per delivery, CPU on rooms an instance does not
 * serve, the whole deployment's CPU per delivery next to one gateway's, and the goals against them.
 */
final class ScaleReport {

	static final double UNSERVED_GOAL = 0.05;

	static final double DEPLOYMENT_GOAL = 1.3;

	private final ScaleResults results;

	private final Properties meta;

	private final StringBuilder md = new StringBuilder();

	ScaleReport(ScaleResults results, Properties meta) {
		this.results = results;
		this.meta = meta;
	}

	String markdown() {
		line("# Scale-out benchmark (W-scale) " + this.meta.getProperty("date", ""));
		line("");
		line("Produced by `bench/run.sh --scale`; every figure below was measured in this one run, on this machine."
				+ " CPU is each process's user + system time from `/proc/<pid>/stat` over the measured window, in cores"
				+ " (1.00 = one core busy). \"Net\" subtracts the same gateway's background CPU of the idle phase (no"
				+ " readers, no messages).");
		line("");
		Table env = new Table("what", "value");
		env.row("machine", this.meta.getProperty("cpu", "?") + ", " + this.meta.getProperty("cores", "?") + " cores, "
				+ this.meta.getProperty("memory", "?") + ", " + this.meta.getProperty("kernel", "?"));
		env.row("gateways", this.results.gateways.size() + " x `java -jar`, commit " + this.meta.getProperty("commit", "?")
				+ ", " + this.meta.getProperty("gatewayJava", "?") + "; " + this.meta.getProperty("scale.gateways", ""));
		env.row("broker", this.meta.getProperty("scale.broker", "?"));
		env.row("database", this.meta.getProperty("scale.database", "?"));
		env.row("load", String.format(Locale.ROOT,
				"%d rooms x %d STOMP readers (JDK WebSocket), each room's readers on one gateway; %.0f msg/s in all"
						+ " (%.1f per room) from %s Paho publishers (QoS %d, %d B), one per broker node",
				this.results.rooms.size(), this.results.readersPerRoom, this.results.ratePerSec,
				this.results.ratePerSec / Math.max(1, this.results.rooms.size()),
				this.meta.getProperty("scale.publishers", "3"), this.results.qos, this.results.payloadBytes));
		env.row("load tool", this.results.loadJava + ", on the same 2 cores");
		env.row("duration", this.meta.getProperty("duration", "?"));
		line(env.toString());
		section("Goals", goals().toString());
		spread();
		unserved();
		deployment();
		phases();
		if (!this.results.notes.isEmpty()) {
			section("Notes", "- " + String.join("\n- ", this.results.notes));
		}
		return this.md.toString();
	}

	private Table goals() {
		Table table = new Table("goal", "measured", "status");
		for (String name : new String[] { "on1", "on2" }) {
			phase(name).ifPresent((p) -> {
				int serving = Integer.parseInt(name.substring(2)) - 1;
				StringBuilder measured = new StringBuilder();
				double worst = 0;
				for (int g = 1; g < p.running(); g++) {
					// Gateway 1 stores every room's messages: that work is the deployment's, not a room's it skips.
					if (g == serving) {
						continue;
					}
					double ratio = net(p, g) / net(p, serving);
					worst = Math.max(worst, ratio);
					measured.append(String.format(Locale.ROOT, "gateway %d: %s (%s raw); ", g + 1, Table.percent(ratio),
							Table.percent(p.gatewayCpu()[g] / p.gatewayCpu()[serving])));
				}
				measured.append("per room alike (all ").append(p.roomsPerGateway()[serving]).append(" rooms on one side)");
				table.row("An instance spends at most 5 % of the serving instance's CPU on a room it does not serve"
						+ ((serving == 0) ? " (every reader on gateway 1, which stores)"
								: " (every reader on gateway " + (serving + 1) + ", which does not store)"),
						measured, worst <= UNSERVED_GOAL ? "met" : "missed");
			});
		}
		Optional<ScaleResults.Phase> spread = phase("spread");
		Optional<ScaleResults.Phase> single = phase("single");
		if (spread.isPresent() && single.isPresent()) {
			double many = perDelivery(spread.get(), spread.get().gatewaysCpu());
			double one = perDelivery(single.get(), single.get().gatewaysCpu());
			table.row("Three gateways cost at most 1.3x one gateway per delivery (same load, readers spread)",
					String.format(Locale.ROOT, "%.1f vs %.1f µs of gateway CPU per delivery (%s)", many, one,
							Table.ratio(many / one)),
					many <= one * DEPLOYMENT_GOAL ? "met" : "missed");
		}
		return table;
	}

	private void spread() {
		phase("spread").ifPresent((p) -> {
			Table table = new Table("gateway", "rooms served", "readers", "deliveries/s", "CPU cores", "net cores",
					"µs CPU per delivery", "net µs per delivery");
			for (int g = 0; g < p.running(); g++) {
				double deliveries = p.deliveredPerGateway()[g] / p.seconds();
				table.row("gateway " + (g + 1) + ((g == 0) ? " (stores)" : ""), p.roomsPerGateway()[g],
						p.readersPerGateway()[g], Table.count(deliveries), Table.decimal(p.gatewayCpu()[g], 3),
						Table.decimal(net(p, g), 3), micros(p.gatewayCpu()[g], deliveries),
						micros(net(p, g), deliveries));
			}
			section("Per instance, readers spread (phase `spread`)", table + "\nGateway 1 also stores every room's"
					+ " messages (one instance holds the storing session), so its CPU per delivery includes storing.");
		});
	}

	private void unserved() {
		Table table = new Table("phase", "gateway", "rooms served", "CPU cores", "net cores", "net, % of the serving"
				+ " instance's net", "deliveries/s");
		for (ScaleResults.Phase p : this.results.phases) {
			if (!p.name().matches("on\\d+")) {
				continue;
			}
			int serving = Integer.parseInt(p.name().substring(2)) - 1;
			for (int g = 0; g < p.running(); g++) {
				table.row(p.name(), (g + 1) + ((g == 0) ? " (stores)" : ""), p.roomsPerGateway()[g],
						Table.decimal(p.gatewayCpu()[g], 3), Table.decimal(net(p, g), 3),
						(g == serving) ? "(serving)"
								: Table.percent(net(p, g) / net(p, serving)) + ((g == 0) ? " (storing)" : ""),
						Table.count(p.deliveredPerGateway()[g] / p.seconds()));
			}
		}
		if (!table.isEmpty()) {
			section("CPU on rooms an instance does not serve", table + "\nEvery room is served by one gateway and by"
					+ " none of the others, so the share per room equals the share over all rooms. Gateway 1 holds the"
					+ " storing session (" + this.meta.getProperty("scale.storing", "?").strip() + "): it stores every"
					+ " room's messages whoever serves them, so the goal is judged on gateways 2 and 3.");
		}
	}

	private void deployment() {
		Table table = new Table("deployment", "deliveries/s", "gateways' CPU cores", "µs per delivery",
				"+ broker + PostgreSQL: cores", "µs per delivery");
		for (String name : new String[] { "single", "spread" }) {
			phase(name).ifPresent((p) -> {
				double all = p.gatewaysCpu() + p.brokerCpu() + p.databaseCpu();
				table.row((p.running() == 1) ? "one gateway" : p.running() + " gateways, readers spread",
						Table.count(p.delivered() / p.seconds()), Table.decimal(p.gatewaysCpu(), 3),
						Table.decimal(perDelivery(p, p.gatewaysCpu()), 1), Table.decimal(all, 3),
						Table.decimal(perDelivery(p, all), 1));
			});
		}
		if (!table.isEmpty()) {
			section("Whole deployment per delivery", table + "\nBoth on the same 3-node broker cluster and database;"
					+ " the single gateway ran before the other two were started.");
		}
	}

	private void phases() {
		Table table = new Table("phase", "what", "msg/s", "delivered", "out of order", "p50 ms", "p99 ms",
				"gateway cores", "broker", "PostgreSQL", "load tool");
		for (ScaleResults.Phase p : this.results.phases) {
			StringBuilder cores = new StringBuilder();
			for (int g = 0; g < p.running(); g++) {
				cores.append((g == 0) ? "" : " / ").append(Table.decimal(p.gatewayCpu()[g], 3));
			}
			table.row(p.name(), p.description(), Table.count(p.ratePerSec()),
					p.delivered() + " of " + p.expected() + " (" + p.ready() + " readers live)", p.outOfOrder(),
					Table.ms(p.latency().p50()), Table.ms(p.latency().p99()), cores, Table.decimal(p.brokerCpu(), 3),
					Table.decimal(p.databaseCpu(), 3), Table.decimal(p.loadCpu(), 3));
		}
		section("Every phase", table.toString());
	}

	/** CPU in cores less the same gateway's background CPU in the idle phase. */
	private double net(ScaleResults.Phase p, int gateway) {
		double idle = phase("idle").filter((i) -> gateway < i.running()).map((i) -> i.gatewayCpu()[gateway]).orElse(0.0);
		return p.gatewayCpu()[gateway] - idle;
	}

	private static double perDelivery(ScaleResults.Phase p, double cores) {
		double deliveries = p.delivered() / p.seconds();
		return (deliveries == 0) ? Double.NaN : cores * 1e6 / deliveries;
	}

	private static String micros(double cores, double deliveriesPerSec) {
		return (deliveriesPerSec == 0) ? "–" : Table.decimal(cores * 1e6 / deliveriesPerSec, 1);
	}

	private Optional<ScaleResults.Phase> phase(String name) {
		return this.results.phases.stream().filter((p) -> p.name().equals(name)).reduce((a, b) -> b);
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
