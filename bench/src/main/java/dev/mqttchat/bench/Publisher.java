package dev.mqttchat.bench;

import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** One Paho MQTT connection publishing to a fixed set of rooms, in round-robin order. */
final class Publisher implements AutoCloseable {

	private final MqttAsyncClient client;

	private final String clientId;

	private final List<Room> rooms;

	private final int qos;

	private final int payloadSize;

	private final long[] seq;

	private Publisher(MqttAsyncClient client, String clientId, List<Room> rooms, int qos, int payloadSize) {
		this.client = client;
		this.clientId = clientId;
		this.rooms = rooms;
		this.qos = qos;
		this.payloadSize = payloadSize;
		this.seq = new long[rooms.size()];
	}

	static Publisher connect(String url, String clientId, List<Room> rooms, int qos, int payloadSize)
			throws MqttException {
		MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		options.setConnectionTimeout(10);
		options.setKeepAliveInterval(60);
		// Paho's default window of 10 in-flight QoS 1 publishes would throttle the offered rate, not the target.
		options.setMaxInflight(65535);
		options.setAutomaticReconnect(false);
		client.connect(options).waitForCompletion(15_000);
		return new Publisher(client, clientId, rooms, qos, payloadSize);
	}

	List<Room> rooms() {
		return this.rooms;
	}

	/** Publishes one probe to each of this publisher's rooms. */
	void probe() {
		long now = System.nanoTime();
		for (int i = 0; i < this.rooms.size(); i++) {
			publish(i, 0, Wire.PROBE, now);
		}
	}

	/** Publishes the next message to room {@code index}, stamped with its intended send time; false on failure. */
	boolean publish(int index, int run, int phase, long intendedNanos) {
		Room room = this.rooms.get(index);
		byte[] payload = Wire.payload(this.clientId, run, phase, this.seq[index]++, intendedNanos, System.nanoTime(),
				this.payloadSize);
		try {
			this.client.publish(room.topic(), payload, this.qos, false);
			return true;
		}
		catch (MqttException ex) {
			return false;
		}
	}

	/**
	 * Starts publishing to every room at {@code ratePerRoom} messages per second on a thread of its own, from
	 * {@code startNanos}: warm-up messages until {@code measureNanos}, measured ones until {@code endNanos}.
	 */
	Schedule start(int run, double ratePerRoom, long startNanos, long measureNanos, long endNanos) {
		Schedule schedule = new Schedule(this, run, ratePerRoom * this.rooms.size(), startNanos, measureNanos,
				endNanos);
		Thread thread = new Thread(schedule, "bench-publisher-" + this.clientId);
		thread.setDaemon(true);
		schedule.thread = thread;
		thread.start();
		return schedule;
	}

	@Override
	public void close() {
		try {
			this.client.disconnect(1000).waitForCompletion(3000);
		}
		catch (MqttException ex) {
			// The broker may already be gone; closing below still frees the client.
		}
		try {
			this.client.close(true);
		}
		catch (MqttException ex) {
			// Nothing left to free.
		}
	}

}
