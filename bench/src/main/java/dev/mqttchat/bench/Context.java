package dev.mqttchat.bench;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * What every workload needs: the target, the settings, the plan and the shared WebSocket clients.
 *
 * @param target the system under test
 * @param settings how to connect and what to send
 * @param plan sizes and durations
 * @param clients the shared JDK WebSocket clients
 */
record Context(Target target, Settings settings, Plan plan, Clients clients) {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	/** Time a fixture of {@code subscribers} gets to connect and subscribe, generous for the slowest peer. */
	Duration openTimeout(int subscribers) {
		return Duration.ofSeconds(Math.min(900, 15 + subscribers / 50));
	}

	/** Time the probes get to reach {@code subscribers} once subscribed. */
	Duration readyTimeout(int subscribers) {
		return Duration.ofSeconds(Math.min(300, 10 + subscribers / 100));
	}

	void quiesce() throws InterruptedException {
		ProcStats.quiesce(this.target.pids(), this.plan.quiesceMax());
	}

	void log(String format, Object... args) {
		System.out.println(LocalTime.now().format(CLOCK) + " [" + this.target.name() + "] " + String.format(format, args));
	}

}
