package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.util.List;

/** The embedded broker for tests outside the bridge package that stop and start it. */
public final class TestBrokers {

	private TestBrokers() {
	}

	/** An embedded broker on {@code 127.0.0.1:port}; closing it stops it. */
	public static AutoCloseable embedded(int port) throws IOException {
		return EmbeddedMqttBroker.start("127.0.0.1", port, List.of());
	}

}
