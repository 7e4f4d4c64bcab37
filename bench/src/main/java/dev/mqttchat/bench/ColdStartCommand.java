package dev.mqttchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code coldstart} (W6): launches the gateway jar with its embedded broker and times, from the launch, the first
 * healthy answer and the first MQTT message that reaches a STOMP subscriber.
 */
final class ColdStartCommand {

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

	private ColdStartCommand() {
	}

	static void run(Flags flags) throws Exception {
		String label = flags.required("label");
		String java = flags.string("java", "java");
		String options = flags.string("jvm-opts", "");
		Path jar = Path.of(flags.required("jar"));
		int repeat = flags.integer("repeat", 3);
		int port = flags.integer("port", 18090);
		int mqttPort = flags.integer("mqtt-port", 18840);
		Path work = Files.createDirectories(Path.of(flags.string("workdir", "target/bench-coldstart")));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
		warm(http, port);
		List<Results.ColdStartSample> samples = new ArrayList<>();
		// The first start also warms the load tool itself (class loading, JIT), so it is dropped when there are more.
		int starts = (repeat > 1) ? repeat + 1 : repeat;
		for (int i = 0; i < starts; i++) {
			Results.ColdStartSample sample = once(http, java, options, jar.toAbsolutePath(), port + i, mqttPort + i,
					work.toAbsolutePath().resolve(label + "-" + i + ".log"));
			System.out.printf("[coldstart %s] start %d: ready %.0f ms, first message %.0f ms, Spring says %.3f s%n", label,
					i, sample.readyMs(), sample.firstMessageMs(), sample.startedSeconds());
			if (starts == repeat || i > 0) {
				samples.add(sample);
			}
		}
		Results.ColdStart result = new Results.ColdStart(label, javaVersion(java), options, samples,
				median(samples.stream().mapToDouble(Results.ColdStartSample::readyMs).toArray()),
				median(samples.stream().mapToDouble(Results.ColdStartSample::firstMessageMs).toArray()));
		Json.write(Path.of(flags.required("out")), result);
	}

	private static Results.ColdStartSample once(HttpClient http, String java, String options, Path jar, int port,
			int mqttPort, Path log) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(java);
		if (!options.isBlank()) {
			command.addAll(Arrays.asList(options.strip().split("\\s+")));
		}
		command.add("-jar");
		command.add(jar.toString());
		// The work directory takes whatever the gateway writes next to itself, away from the repository.
		ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().remove("CHAT_MQTT_URL");
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("CHAT_MQTT_EMBEDDED_PORT", Integer.toString(mqttPort));
		long launched = System.nanoTime();
		Process process = builder.start();
		try {
			long ready = awaitHealthy(http, port, process, launched + 60_000_000_000L);
			Target target = new Target("coldstart", Style.GATEWAY, URI.create("ws://127.0.0.1:" + port + "/ws"),
					"tcp://127.0.0.1:" + mqttPort, URI.create("http://127.0.0.1:" + port), "",
					List.of(process.pid()), List.of());
			Settings settings = new Settings(0, 100, 1, 1, 2, 4);
			double firstMessageMs = Double.NaN;
			try (Clients clients = new Clients(target, 1, 2, 4);
					Fixture fixture = Fixture.open(target, clients, settings, 1, 1, 0, Duration.ofSeconds(20))) {
				if (fixture.awaitReady(Duration.ofSeconds(20), Duration.ofMillis(10)) == 1) {
					firstMessageMs = (fixture.subscribers().get(0).firstProbeNanos() - launched) / 1e6;
				}
			}
			return new Results.ColdStartSample((ready - launched) / 1e6, firstMessageMs, startedSeconds(log));
		}
		finally {
			stop(process);
		}
	}

	private static long awaitHealthy(HttpClient http, int port, Process process, long deadline) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(1))
			.build();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the gateway exited with " + process.exitValue());
			}
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return System.nanoTime();
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("the gateway was not healthy within 60 s");
	}

	/** Loads the HTTP client's classes before the first launch, so the tool's own warm-up is not timed. */
	private static void warm(HttpClient http, int port) {
		try {
			http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException | InterruptedException ex) {
			// Nothing listens yet; the classes are loaded anyway.
		}
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(15, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(5, TimeUnit.SECONDS);
		}
	}

	private static double startedSeconds(Path log) throws IOException {
		Matcher matcher = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
	}

	private static String javaVersion(String java) throws Exception {
		Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(10, TimeUnit.SECONDS);
		return out.lines().skip(1).findFirst().orElse(out.strip());
	}

	static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
