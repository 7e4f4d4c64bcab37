package dev.mqttchat.gateway.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.mqttchat.gateway.GatewayApplication;

import static org.awaitility.Awaitility.await;

/**
 * A gateway in a JVM of its own, so that a test can kill it as {@code kill -9} would: no
 * shutdown hook runs, no MQTT DISCONNECT is sent, nothing is flushed.
 */
public final class GatewayProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newHttpClient();

	private final Process process;

	private final int port;

	private final Path log;

	private GatewayProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a gateway with these {@code key=value} settings and waits until it is ready.
	 */
	public static GatewayProcess start(String... settings) throws IOException {
		int port = FreePorts.next();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), GatewayApplication.class.getName(), "--server.port=" + port));
		for (String setting : settings) {
			command.add("--" + setting);
		}
		Path log = Files.createTempFile("gateway-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		GatewayProcess gateway = new GatewayProcess(process, port, log);
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("The gateway process ended: " + Files.readString(log));
				}
				return gateway.isReady();
			});
		}
		catch (RuntimeException ex) {
			// Not ready in time: it must not outlive the test (and the build) meanwhile.
			process.destroyForcibly();
			throw ex;
		}
		return gateway;
	}

	public int port() {
		return this.port;
	}

	/** Ends it at once, as {@code kill -9} does. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	/** Where its output went. */
	public File log() {
		return this.log.toFile();
	}

	private boolean isReady() {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

}
