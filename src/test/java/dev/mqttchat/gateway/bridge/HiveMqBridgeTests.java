package dev.mqttchat.gateway.bridge;

import org.testcontainers.hivemq.HiveMQContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import dev.mqttchat.gateway.testsupport.EnabledIfDockerImagePresent;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bridge against HiveMQ CE, the broker family of the reference deployment; needs a
 * Docker engine.
 */
@EnabledIfDockerImagePresent("hivemq/hivemq-ce:2025.5")
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HiveMqBridgeTests extends AbstractBridgeTests {

	@Container
	static final HiveMQContainer hivemq = new HiveMQContainer(DockerImageName.parse("hivemq/hivemq-ce:2025.5"));

	@DynamicPropertySource
	static void hivemqBroker(DynamicPropertyRegistry registry) {
		registry.add("chat.mqtt.url", () -> "tcp://" + hivemq.getHost() + ":" + hivemq.getMqttPort());
	}

}
