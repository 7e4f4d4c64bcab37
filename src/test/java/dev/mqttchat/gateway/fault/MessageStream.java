package dev.mqttchat.gateway.fault;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import dev.mqttchat.gateway.testsupport.StompTestClient;

/**
 * Numbered messages into one room from both sides, as a test's load while it breaks
 * something: a browser that sends with a {@code clientMsgId} each, and an MQTT client
 * that publishes JSON with an id at QoS 1 and, like any real client, publishes again what
 * the broker did not acknowledge.
 */
final class MessageStream {

	final List<String> web = new CopyOnWriteArrayList<>();

	final List<String> mqtt = new CopyOnWriteArrayList<>();

	/** What each further named browser sent, in its order. */
	private final Map<String, List<String>> browsers = new ConcurrentHashMap<>();

	private final String room;

	private final String topic;

	private final String brokerUrl;

	MessageStream(String room, String topic, String brokerUrl) {
		this.room = room;
		this.topic = topic;
		this.brokerUrl = brokerUrl;
	}

	/** What each sender sent, in its order, for {@code HistoryAudit}. */
	Map<String, List<String>> sent() {
		Map<String, List<String>> sent = new LinkedHashMap<>();
		sent.put("web", List.copyOf(this.web));
		sent.put("mqtt", List.copyOf(this.mqtt));
		this.browsers.forEach((sender, texts) -> sent.put(sender, List.copyOf(texts)));
		return sent;
	}

	/** Browser message {@code n}, sent now, its text its {@code clientMsgId}. */
	void sendFromBrowser(StompTestClient browser, int n) {
		String text = "web-" + n;
		this.web.add(text);
		browser.send("/app/rooms/" + this.room, Map.of("username", "ada", "text", text, "clientMsgId", text));
	}

	/**
	 * Message {@code n} of the browser named {@code sender}, sent now, its text (
	 * {@code sender-n}) its {@code clientMsgId}.
	 */
	String sendFromBrowser(StompTestClient browser, String sender, int n) {
		String text = sender + "-" + n;
		this.browsers.computeIfAbsent(sender, (name) -> new CopyOnWriteArrayList<>()).add(text);
		sendAgain(browser, text);
		return text;
	}

	/** A browser message sent before, sent again with its {@code clientMsgId}. */
	void sendAgain(StompTestClient browser, String text) {
		browser.send("/app/rooms/" + this.room, Map.of("username", "ada", "text", text, "clientMsgId", text));
	}

	/** An MQTT publisher, connected; it reconnects by itself. */
	MqttClient publisher() throws MqttException {
		MqttClient client = new MqttClient(this.brokerUrl, "stream-" + UUID.randomUUID(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setAutomaticReconnect(true);
		options.setMaxReconnectDelay(500);
		options.setMaxInflight(1000);
		client.setTimeToWait(3000);
		client.connect(options);
		return client;
	}

	/**
	 * MQTT message {@code n}, published until the broker acknowledges it (each repeat
	 * with the same id, so that it is stored once).
	 */
	void publish(MqttClient client, int n) throws InterruptedException {
		String text = "mqtt-" + n;
		this.mqtt.add(text);
		String json = "{\"id\":\"" + text + "\",\"username\":\"bot\",\"text\":\"" + text + "\"}";
		while (true) {
			try {
				MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
				message.setQos(1);
				client.publish(this.topic, message);
				return;
			}
			catch (MqttException ex) {
				// Not acknowledged: the broker is away; a real client tries again.
				Thread.sleep(100);
			}
		}
	}

	/** How many receipts with {@code status} arrived for distinct messages. */
	static long distinct(BlockingQueue<Map<String, Object>> receipts, String status) {
		return receipts.stream()
			.filter((receipt) -> status.equals(receipt.get("status")))
			.map((receipt) -> receipt.get("clientMsgId"))
			.distinct()
			.count();
	}

}
