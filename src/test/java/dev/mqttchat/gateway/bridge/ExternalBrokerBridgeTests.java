package dev.mqttchat.gateway.bridge;

import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bridge against a broker nobody here wrote, named by {@code CHAT_TEST_MQTT_URL} (CI:
 * Mosquitto).
 */
@Tag("jdk-smoke")
@EnabledIfEnvironmentVariable(named = "CHAT_TEST_MQTT_URL", matches = ".+",
		disabledReason = "CHAT_TEST_MQTT_URL is not set: external broker tests skipped")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ExternalBrokerBridgeTests extends AbstractBridgeTests {

	@DynamicPropertySource
	static void externalBroker(DynamicPropertyRegistry registry) {
		registry.add("chat.mqtt.url", () -> System.getenv("CHAT_TEST_MQTT_URL"));
		// A shared broker may carry other runs' traffic: this run's rooms live under a
		// topic prefix of their own.
		registry.add("chat.rooms.topic-prefix", () -> "test/" + UUID.randomUUID() + "/chat/rooms");
	}

}
