package dev.mqttchat.gateway.bridge;

import java.lang.reflect.Method;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends Paho's own reconnect cycle, whose timer thread would otherwise keep trying (and
 * keep the JVM alive) after its client was stopped.
 */
final class PahoReconnectCycle {

	private static final Logger logger = LoggerFactory.getLogger(PahoReconnectCycle.class);

	private PahoReconnectCycle() {
	}

	static void stop(MqttAsyncClient client) {
		// Paho keeps this private; Spring Integration reaches it the same way.
		try {
			Method stop = MqttAsyncClient.class.getDeclaredMethod("stopReconnectCycle");
			stop.setAccessible(true);
			stop.invoke(client);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Could not stop the reconnect cycle of {}", client.getClientId(), ex);
		}
	}

}
