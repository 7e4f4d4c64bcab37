package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The embedded broker for tests outside the bridge package that stop and start it. */
public final class TestBrokers {

	private TestBrokers() {
	}

	/** An embedded broker on {@code 127.0.0.1:port}; closing it stops it. */
	public static AutoCloseable embedded(int port) throws IOException {
		return EmbeddedMqttBroker.start("127.0.0.1", port, List.of());
	}

	/**
	 * An embedded broker on {@code 127.0.0.1:port} that keeps its sessions and queues in
	 * {@code directory}, so that what it accepted outlives a restart.
	 */
	public static AutoCloseable embedded(int port, Path directory) throws IOException {
		return EmbeddedMqttBroker.start("127.0.0.1", port,
				Map.of("persistence_enabled", "true", "data_path", directory.toString() + "/"), List.of());
	}

}
