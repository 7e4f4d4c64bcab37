package dev.mqttchat.gateway.web.browser;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context every browser test class shares (same annotations, so it is cached), and what the
 * tests need from it: the page's address, the broker and the server's WebSocket sessions.
 */
// Every browser runs on 127.0.0.1 and the suite creates a room per test, more than one address may per minute.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "chat.mqtt.url=",
		"chat.mqtt.embedded.port=0", "chat.rooms.topic-prefix=test/browser/chat/rooms",
		"chat.rooms.create-per-minute=1000" })
@Import(WebSocketSessions.Config.class)
@ExtendWith(ChromiumAvailable.class)
abstract class BrowserTestSupport {

	static final String TOPIC_PREFIX = "test/browser/chat/rooms/";

	@LocalServerPort
	int port;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	WebSocketSessions sessions;

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	ChatPage page(Browser browser) {
		return new ChatPage(browser.driver(), baseUrl());
	}

	MqttPeer mqttPeer(String roomId) throws MqttException {
		return new MqttPeer(this.broker.url(), TOPIC_PREFIX + roomId);
	}

}
