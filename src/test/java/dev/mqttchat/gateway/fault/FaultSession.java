package dev.mqttchat.gateway.fault;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * What most fault tests start from: a new room on a gateway, the load for it, and a
 * browser connected there with its receipts and refusals.
 *
 * @param port the gateway's HTTP port
 * @param room the room
 * @param stream the numbered load for the room
 * @param browser the browser
 * @param receipts what arrives on its receipt queue
 * @param refusals what arrives on its error queue
 */
record FaultSession(int port, TestRoom room, MessageStream stream, StompTestClient browser,
		BlockingQueue<Map<String, Object>> receipts,
		BlockingQueue<Map<String, Object>> refusals) implements AutoCloseable {

	/** A room on {@code gateway}, its MQTT load through {@code brokerUrl}, a browser. */
	static FaultSession open(ConfigurableApplicationContext gateway, String brokerUrl) throws Exception {
		// No load before the bridge is ready, as behind a proxy's readiness check: under
		// load Moquette can drop a first SUBSCRIBE with its connection, and what is
		// published before the link subscribes again is never queued for the storing
		// session (a CI run lost 13 of 40 that way).
		MqttLinkMonitor links = gateway.getBean(MqttLinkMonitor.class);
		await().atMost(Duration.ofSeconds(30)).until(links::bridgeReady);
		int port = TestGateway.port(gateway);
		TestRoom room = TestRooms.create(port);
		StompTestClient browser = StompTestClient.connect(port);
		return new FaultSession(port, room, new MessageStream(room.id(), room.topic(), brokerUrl), browser,
				browser.subscribe("/user/queue/receipts"), browser.subscribe("/user/queue/errors"));
	}

	/** How many messages got a receipt with {@code status}. */
	long receipts(String status) {
		return MessageStream.distinct(this.receipts, status);
	}

	@Override
	public void close() {
		this.browser.close();
	}

}
