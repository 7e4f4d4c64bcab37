package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands to Mosquitto's dynamic-security plugin over
 * {@code $CONTROL/dynamic-security/v1}, each answered on its {@code /response} topic and
 * matched by its correlation data.
 */
final class DynamicSecurityClient implements AutoCloseable {

	private static final String TOPIC = "$CONTROL/dynamic-security/v1";

	private final MqttClient client;

	private final JsonMapper json;

	private final Duration timeout;

	private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	DynamicSecurityClient(String url, String clientId, MqttConnectOptions options, JsonMapper json, Duration timeout)
			throws MqttException {
		this.json = json;
		this.timeout = timeout;
		this.client = new MqttClient(url, clientId, new MemoryPersistence());
		options.setAutomaticReconnect(true);
		this.client.connect(options);
		this.client.subscribe(TOPIC + "/response", 1, (topic, message) -> {
			for (JsonNode response : json.readTree(message.getPayload()).path("responses")) {
				CompletableFuture<JsonNode> waiting = this.pending.remove(response.path("correlationData").asString());
				if (waiting != null) {
					waiting.complete(response);
				}
			}
		});
	}

	/**
	 * Sends {@code commands} at once and returns their responses in order; an error in
	 * one is in its response's {@code error}.
	 */
	List<JsonNode> send(List<Map<String, Object>> commands) {
		List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
		List<String> correlations = new ArrayList<>();
		List<Map<String, Object>> tagged = new ArrayList<>();
		for (Map<String, Object> command : commands) {
			String correlation = UUID.randomUUID().toString();
			correlations.add(correlation);
			CompletableFuture<JsonNode> answer = new CompletableFuture<>();
			this.pending.put(correlation, answer);
			answers.add(answer);
			Map<String, Object> withId = new HashMap<>(command);
			withId.put("correlationData", correlation);
			tagged.add(withId);
		}
		try {
			this.client.publish(TOPIC, this.json.writeValueAsBytes(Map.of("commands", tagged)), 1, false);
			List<JsonNode> responses = new ArrayList<>();
			for (CompletableFuture<JsonNode> answer : answers) {
				responses.add(answer.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
			}
			return responses;
		}
		catch (MqttException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Mosquitto's dynamic security did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the dynamic-security plugin", ex);
		}
		finally {
			correlations.forEach(this.pending::remove);
		}
	}

	/**
	 * Sends one command without waiting for its answer: the one that gives this client's
	 * own user a role, for which Mosquitto disconnects every client of that user, this
	 * one too (it reconnects, its session kept).
	 */
	void sendUnanswered(Map<String, Object> command) {
		try {
			this.client.publish(TOPIC, this.json.writeValueAsBytes(Map.of("commands", List.of(command))), 0, false);
		}
		catch (MqttException ex) {
			throw new IllegalStateException("Could not send to the dynamic-security plugin: " + ex, ex);
		}
	}

	/**
	 * Waits up to 30 s for {@code done}, asking again while this client is disconnected
	 * and reconnecting.
	 */
	void awaitTrue(BooleanSupplier done) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try {
				if (done.getAsBoolean()) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// Disconnected by the plugin, reconnecting.
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	@Override
	public void close() throws MqttException {
		if (this.client.isConnected()) {
			this.client.disconnect(1000);
		}
		this.client.close();
	}

}
