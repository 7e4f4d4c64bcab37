package dev.mqttchat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU time, resident memory and (for JVMs) heap after a full GC of the processes under test, read from Linux. */
final class ProcStats {

	/** Linux reports CPU time in clock ticks of 1/100 s on every common architecture. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private static final Pattern HEAP_USED = Pattern.compile("heap.*?used (\\d+)K");

	private ProcStats() {
	}

	/** User plus system CPU time of {@code pids}, in nanoseconds; processes that are gone count as zero. */
	static long cpuNanos(List<Long> pids) {
		long total = 0;
		for (long pid : pids) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				// The command name may contain spaces, so fields are counted from its closing parenthesis.
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
			}
			catch (IOException | RuntimeException ex) {
				// A process that ended has no more CPU to report.
			}
		}
		return total;
	}

	static long selfCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** Resident set size of {@code pid} in bytes, or -1. */
	static long rssBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Reported as unknown.
		}
		return -1;
	}

	static boolean isJvm(long pid) {
		try {
			return Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).getFileName().toString().equals("java");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Used heap of JVM {@code pid} in bytes right after a full GC ({@code jcmd GC.run}), or -1 if it cannot be read. */
	static long heapUsedAfterGc(long pid) {
		try {
			Path jcmd = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).resolveSibling("jcmd");
			jcmd(jcmd, pid, "GC.run");
			Matcher matcher = HEAP_USED.matcher(jcmd(jcmd, pid, "GC.heap_info"));
			return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : -1;
		}
		catch (IOException | InterruptedException ex) {
			return -1;
		}
	}

	/** The classes taking most of JVM {@code pid}'s heap ({@code jcmd GC.class_histogram}), or why it could not be read. */
	static String classHistogram(long pid) {
		try {
			Path jcmd = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe")).resolveSibling("jcmd");
			return jcmd(jcmd, pid, "GC.class_histogram");
		}
		catch (IOException | InterruptedException ex) {
			return "no histogram: " + ex;
		}
	}

	private static String jcmd(Path jcmd, long pid, String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
			.start();
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("jcmd " + command + " did not finish");
		}
		return new String(out, StandardCharsets.UTF_8);
	}

	/**
	 * Waits until {@code pids} use under a tenth of a core over 0.3 s, at most {@code max}, so a run does not
	 * start while the previous one's backlog is still being worked off; returns the wait.
	 */
	static Duration quiesce(List<Long> pids, Duration max) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + max.toNanos();
		Thread.sleep(200);
		while (System.nanoTime() < deadline && !pids.isEmpty()) {
			long before = cpuNanos(pids);
			Thread.sleep(300);
			if (cpuNanos(pids) - before < 30_000_000L) {
				break;
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
