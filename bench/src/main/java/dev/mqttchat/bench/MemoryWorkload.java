package dev.mqttchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** W5: heap (after a full GC) and resident memory of the system under test with many idle, subscribed sessions. */
final class MemoryWorkload {

	private MemoryWorkload() {
	}

	/** Adds a sample per session count to {@code samples} as it goes, so a failure keeps the ones measured. */
	static void w5(Context context, List<Results.Idle> samples, Path histogram) throws Exception {
		Plan plan = context.plan();
		List<Fixture> fixtures = new ArrayList<>();
		int open = 0;
		int subscribed = 0;
		int ready = 0;
		try {
			for (int sessions : plan.w5Sessions()) {
				int add = sessions - open;
				double seconds = 0;
				if (add > 0) {
					context.quiesce();
					// Each step adds its own rooms, so earlier sessions stay as they were: subscribed and idle.
					int perRoom = Math.max(1, add / plan.w5Rooms());
					int rooms = Math.max(1, add / perRoom);
					Fixture fixture = Fixture.open(context.target(), context.clients(), context.settings(), rooms,
							perRoom, 0, context.openTimeout(add), plan.w5Presence() && context.target().style().stomp());
					fixtures.add(fixture);
					seconds = fixture.openSeconds();
					// Every probe is a stored message per room: with thousands of rooms, probes come less often.
					ready += fixture.awaitReady(context.readyTimeout(add), Duration.ofMillis(Math.max(1000, rooms / 2)));
					subscribed += fixture.subscribedCount();
					open += fixture.size();
				}
				Thread.sleep(plan.settle().toMillis());
				context.quiesce();
				Results.Idle sample = new Results.Idle(open, subscribed, ready, heap(context.target()),
						rss(context.target()), seconds);
				context.log("W5 %d sessions (%d subscribed, %d live): heap %s, RSS %s", open, subscribed, ready,
						mib(sample.heapBytes()), mib(sample.rssBytes()));
				samples.add(sample);
				histogram(context, open, histogram);
			}
		}
		finally {
			fixtures.forEach(Fixture::close);
		}
	}

	/** Where the heap goes at each step: the first lines of each JVM's class histogram, appended to {@code file}. */
	private static void histogram(Context context, int sessions, Path file) throws IOException {
		for (long pid : context.target().pids()) {
			if (ProcStats.isJvm(pid)) {
				String lines = ProcStats.classHistogram(pid).lines().limit(60).collect(Collectors.joining("\n"));
				Files.writeString(file, "# " + sessions + " idle sessions, JVM " + pid + "\n" + lines + "\n\n",
						StandardOpenOption.CREATE, (sessions == 0) ? StandardOpenOption.TRUNCATE_EXISTING
								: StandardOpenOption.APPEND);
			}
		}
	}

	private static long heap(Target target) {
		long total = -1;
		for (long pid : target.pids()) {
			if (ProcStats.isJvm(pid)) {
				long used = ProcStats.heapUsedAfterGc(pid);
				if (used >= 0) {
					total = Math.max(total, 0) + used;
				}
			}
		}
		return total;
	}

	private static long rss(Target target) {
		long total = 0;
		for (long pid : target.pids()) {
			total += Math.max(0, ProcStats.rssBytes(pid));
		}
		return total;
	}

	private static String mib(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
	}

}
