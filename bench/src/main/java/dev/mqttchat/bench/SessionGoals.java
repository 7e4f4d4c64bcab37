package dev.mqttchat.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/** The third round's goals on sessions and start-up: W5 at 100,000 idle people, W6 on JDK 25 (JDK 17 reported). */
final class SessionGoals {

	private final Optional<Results.TargetRun> gateway;

	private final List<Results.ColdStart> coldStarts;

	private final Properties meta;

	SessionGoals(Optional<Results.TargetRun> gateway, List<Results.ColdStart> coldStarts, Properties meta) {
		this.gateway = gateway;
		this.coldStarts = coldStarts;
		this.meta = meta;
	}

	void rows(Table table) {
		w5(table);
		w6(table);
	}

	private void w5(Table table) {
		String goal = "W5 100,000 idle subscribed sessions, presence on: all held, under 16 KiB of heap each";
		List<Results.Idle> samples = this.gateway.map((g) -> g.w5).orElse(List.of());
		Optional<Results.Idle> zero = samples.stream().filter((s) -> s.sessions() == 0).findFirst();
		Optional<Results.Idle> most = samples.stream().max(Comparator.comparingInt(Results.Idle::sessions));
		if (zero.isEmpty() || most.isEmpty() || most.get().sessions() == 0 || most.get().heapBytes() < 0) {
			table.row(goal, "not measured", "not measured");
			return;
		}
		Results.Idle idle = most.get();
		Results.Idle before = samples.stream().filter((s) -> s.sessions() < idle.sessions())
			.max(Comparator.comparingInt(Results.Idle::sessions)).orElse(zero.get());
		double perSession = (idle.heapBytes() - zero.get().heapBytes()) / 1024.0 / idle.sessions();
		double handshakes = (idle.sessions() - before.sessions()) / Math.max(0.001, idle.openSeconds());
		boolean held = idle.subscribed() == idle.sessions() && idle.ready() == idle.sessions();
		String openFiles = this.meta.getProperty("openFiles", "");
		String measured = String.format(Locale.ROOT,
				"%,d opened, %,d subscribed, %,d live; %.1f KiB of heap each; %.0f handshakes/s; RSS %.0f MiB"
						+ " (gateway and Mosquitto)",
				idle.sessions(), idle.subscribed(), idle.ready(), perSession, handshakes, idle.rssBytes() / 1048576.0);
		if (idle.sessions() < 100_000 && openFiles.matches("\\d+") && Integer.parseInt(openFiles) < 101_000) {
			// One process may not hold 100,000 sockets here: measured at the most it may, and said so.
			table.row(goal, measured + "; this machine allows a process " + Table.count(Integer.parseInt(openFiles))
					+ " open files (a hard limit it does not let be raised), so one gateway cannot hold 100,000",
					"blocked by the machine; " + (held ? "all held" : "not all held") + ", heap "
							+ CostGoals.met(perSession < 16) + " at " + Table.count(idle.sessions()));
			return;
		}
		table.row(goal, measured, CostGoals.met(idle.sessions() >= 100_000 && held && perSession < 16));
	}

	private void w6(Table table) {
		String goal = "W6 on JDK 25: ready under 2 s and the first bridged message under 2.5 s (JDK 17 reported)";
		if (this.coldStarts.isEmpty()) {
			table.row(goal, "not measured", "not measured");
			return;
		}
		List<String> parts = new ArrayList<>();
		for (Results.ColdStart c : this.coldStarts) {
			parts.add(c.label() + ": ready " + Table.count(c.medianReadyMs()) + " ms, first message "
					+ Table.count(c.medianFirstMessageMs()) + " ms");
		}
		Optional<Results.ColdStart> best = this.coldStarts.stream()
			.filter((c) -> c.label().contains("25"))
			.min(Comparator.comparingDouble(Results.ColdStart::medianReadyMs));
		table.row(goal, String.join("; ", parts), best
			.map((c) -> CostGoals.met(c.medianReadyMs() < 2000 && c.medianFirstMessageMs() < 2500))
			.orElse("not measured"));
	}

}
