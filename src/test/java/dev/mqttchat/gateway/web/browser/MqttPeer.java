package dev.mqttchat.gateway.web.browser;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A plain Paho client on one room's topic, standing in for a terminal or device that
 * speaks only MQTT.
 */
final class MqttPeer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final MqttClient client;

	private final String topic;

	private final List<String> received = new CopyOnWriteArrayList<>();

	MqttPeer(String brokerUrl, String topic) throws MqttException {
		this.topic = topic;
		this.client = new MqttClient(brokerUrl, "browser-test-" + UUID.randomUUID().toString().substring(0, 8),
				new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		options.setConnectionTimeout(5);
		// Tests publish bursts at QoS 1; Paho's default window of 10 unacknowledged
		// publishes would refuse them.
		options.setMaxInflight(1000);
		try {
			connectAndSubscribe(options);
		}
		catch (MqttException ex) {
			if (this.client.isConnected()) {
				throw ex;
			}
			// Moquette 0.17 now and then closes a connection it has just accepted
			// ("SUBSCRIBE received on already closed connection"); a client connects
			// again.
			connectAndSubscribe(options);
		}
	}

	private void connectAndSubscribe(MqttConnectOptions options) throws MqttException {
		if (!this.client.isConnected()) {
			this.client.connect(options);
		}
		// Synchronous: returns once the broker acknowledged the subscription.
		this.client.subscribe(this.topic, 1,
				(t, message) -> this.received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
	}

	/** Publishes {@code text} as a raw UTF-8 payload, as mosquitto_pub would. */
	void publish(String text) throws MqttException {
		this.client.publish(this.topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
	}

	/** Waits for the gateway's JSON for a message with this text and returns it. */
	JsonNode awaitMessageWithText(String text) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> this.received.stream()
				.filter((payload) -> payload.startsWith("{"))
				.map(json::readTree)
				.filter((node) -> text.equals(node.path("text").asString()))
				.findFirst()
				.orElse(null), (node) -> node != null);
	}

	@Override
	public void close() throws MqttException {
		if (this.client.isConnected()) {
			this.client.disconnect(1000);
		}
		this.client.close();
	}

}
