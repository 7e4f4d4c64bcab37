package dev.mqttchat.gateway.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * A broker cluster nobody here wrote: nodes of Debian's {@code nats-server}, which speaks
 * MQTT 3.1.1 over JetStream, on free loopback ports with their own configuration and
 * store in a temporary directory (never the machine's NATS service).
 */
public final class NatsCluster implements AutoCloseable {

	private static final File BINARY = new File("/usr/sbin/nats-server");

	private final Path directory;

	private final int[] mqttPorts;

	private final Process[] processes;

	private NatsCluster(Path directory, int nodes) throws IOException {
		this.directory = directory;
		int[] ports = FreePorts.next(3 * nodes);
		int[] clientPorts = Arrays.copyOfRange(ports, 0, nodes);
		int[] routePorts = Arrays.copyOfRange(ports, nodes, 2 * nodes);
		this.mqttPorts = Arrays.copyOfRange(ports, 2 * nodes, 3 * nodes);
		this.processes = new Process[nodes];
		String routes = IntStream.of(routePorts)
			.mapToObj((port) -> "nats-route://127.0.0.1:" + port)
			.collect(Collectors.joining(", "));
		for (int node = 0; node < nodes; node++) {
			// ack_wait: a persistent session's unacknowledged messages come back after
			// this (NATS' default is 30 s), which bounds how long storing waits after a
			// node is lost.
			Files.writeString(config(node),
					String.join("\n", "server_name: n" + (node + 1), "listen: 127.0.0.1:" + clientPorts[node],
							"jetstream { store_dir: \"" + directory.resolve("n" + (node + 1)) + "\" }",
							"cluster { name: chat-test, listen: 127.0.0.1:" + routePorts[node] + ", routes: [" + routes
									+ "] }",
							"mqtt { listen: 127.0.0.1:" + this.mqttPorts[node] + ", ack_wait: \"2s\" }", ""));
		}
		for (int node = 0; node < nodes; node++) {
			this.processes[node] = launch(node);
		}
		for (int node = 0; node < nodes; node++) {
			awaitMqtt(node);
		}
	}

	/** Whether nats-server is installed here. */
	public static boolean available() {
		return BINARY.canExecute();
	}

	/** Starts a cluster of {@code nodes} nodes and waits until each takes QoS 1. */
	public static NatsCluster start(int nodes) throws IOException {
		return new NatsCluster(Files.createTempDirectory("nats-cluster-"), nodes);
	}

	/** The MQTT URL of node {@code node} (from 1). */
	public String url(int node) {
		return "tcp://127.0.0.1:" + this.mqttPorts[node - 1];
	}

	/** Every node's MQTT URL, comma-separated, as {@code chat.mqtt.url} takes them. */
	public String urls() {
		return IntStream.rangeClosed(1, this.mqttPorts.length).mapToObj(this::url).collect(Collectors.joining(","));
	}

	/** Kills node {@code node} (from 1) as a crash would. */
	public void kill(int node) throws InterruptedException {
		this.processes[node - 1].destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	/** Starts node {@code node} (from 1) again, with its store. */
	public void restart(int node) throws IOException {
		this.processes[node - 1] = launch(node - 1);
		awaitMqtt(node - 1);
	}

	private Path config(int node) {
		return this.directory.resolve("n" + (node + 1) + ".conf");
	}

	private Process launch(int node) throws IOException {
		return new ProcessBuilder(BINARY.getPath(), "-c", config(node).toString()).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("n" + (node + 1) + ".log").toFile())
			.start();
	}

	private void awaitMqtt(int node) {
		// Up once a QoS 1 publication is acknowledged: JetStream then has its leader.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
			try (MqttTestClient client = MqttTestClient.connect(url(node + 1))) {
				client.publish("nats-cluster/ready/" + UUID.randomUUID(), "ready");
				return true;
			}
		});
	}

	@Override
	public void close() throws InterruptedException {
		for (Process process : this.processes) {
			if (process != null) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

}
