package dev.mqttchat.gateway.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plain Paho MQTT client, as a terminal or script user on a room's topic would be. */
public final class MqttTestClient implements AutoCloseable {

	private final MqttClient client;

	private final MqttConnectOptions options;

	private MqttTestClient(MqttClient client, MqttConnectOptions options) {
		this.client = client;
		this.options = options;
	}

	/** Connects to {@code url} with a fresh client id. */
	public static MqttTestClient connect(String url) throws MqttException {
		return connect(url, new MqttConnectOptions());
	}

	/** Connects to {@code url} with a fresh client id and the given credentials. */
	public static MqttTestClient connect(String url, String username, String password) throws MqttException {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setUserName(username);
		options.setPassword(password.toCharArray());
		return connect(url, options);
	}

	/**
	 * Connects to {@code url} as {@code clientId} with the given credentials, as a room
	 * credential's client must (its client id begins with the credential's prefix).
	 */
	public static MqttTestClient connect(String url, String clientId, String username, String password)
			throws MqttException {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setUserName(username);
		options.setPassword(password.toCharArray());
		return connect(url, clientId, options);
	}

	/** Whether the broker still has this client connected (it may throw a client off). */
	public boolean isConnected() {
		return this.client.isConnected();
	}

	/**
	 * Connects to {@code url} as {@code clientId} with a last will: a retained
	 * {@code will} on {@code willTopic} at QoS 1, and a keep-alive of
	 * {@code keepAliveSeconds}.
	 */
	public static MqttTestClient connectWithWill(String url, String clientId, String willTopic, String will,
			int keepAliveSeconds) throws MqttException {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setWill(willTopic, will.getBytes(StandardCharsets.UTF_8), 1, true);
		options.setKeepAliveInterval(keepAliveSeconds);
		return connect(url, clientId, options);
	}

	private static MqttTestClient connect(String url, MqttConnectOptions options) throws MqttException {
		return connect(url, "test-" + UUID.randomUUID(), options);
	}

	private static MqttTestClient connect(String url, String clientId, MqttConnectOptions options)
			throws MqttException {
		MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
		options.setCleanSession(true);
		options.setConnectionTimeout(10);
		// Paho allows 10 unacknowledged publishes by default; a burst on a loaded machine
		// exceeds that.
		options.setMaxInflight(1000);
		client.connect(options);
		return new MqttTestClient(client, options);
	}

	/**
	 * Subscribes to {@code topic} at QoS 1; each message arrives in the returned queue.
	 */
	public BlockingQueue<Received> subscribe(String topic) throws MqttException {
		BlockingQueue<Received> received = new LinkedBlockingQueue<>();
		IMqttMessageListener listener = (arrivedOn, message) -> received.add(new Received(arrivedOn,
				new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos(), message.isRetained()));
		try {
			this.client.subscribe(topic, 1, listener);
		}
		catch (MqttException ex) {
			if (this.client.isConnected()) {
				throw ex;
			}
			// Moquette 0.17 now and then closes a connection it has just accepted
			// ("SUBSCRIBE received on already closed connection"); a client connects
			// again.
			this.client.connect(this.options);
			this.client.subscribe(topic, 1, listener);
		}
		return received;
	}

	/** Publishes UTF-8 {@code text} at QoS 1. */
	public void publish(String topic, String text) throws MqttException {
		publish(topic, text.getBytes(StandardCharsets.UTF_8));
	}

	/** Publishes raw bytes at QoS 1. */
	public void publish(String topic, byte[] payload) throws MqttException {
		this.client.publish(topic, payload, 1, false);
	}

	/** Publishes UTF-8 {@code text} at QoS 1 as a retained message. */
	public void publishRetained(String topic, String text) throws MqttException {
		this.client.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, true);
	}

	/** Publishes UTF-8 {@code text} at QoS 0, as typing signals go. */
	public void publishAtMostOnce(String topic, String text) throws MqttException {
		this.client.publish(topic, text.getBytes(StandardCharsets.UTF_8), 0, false);
	}

	/**
	 * Drops the connection without a DISCONNECT packet, as a crash or a dead network
	 * would, so the broker publishes the client's will.
	 */
	public void cut() throws MqttException {
		this.client.disconnectForcibly(0, 1000, false);
	}

	@Override
	public void close() throws MqttException {
		if (this.client.isConnected()) {
			this.client.disconnect(1000);
		}
		this.client.close();
	}

	/**
	 * One message as an MQTT subscriber saw it.
	 *
	 * @param topic the topic it arrived on
	 * @param text the payload as UTF-8
	 * @param qos the QoS it was delivered at
	 * @param retained whether the broker kept it as retained
	 */
	public record Received(String topic, String text, int qos, boolean retained) {
	}

}
