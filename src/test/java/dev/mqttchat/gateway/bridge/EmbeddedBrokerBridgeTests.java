package dev.mqttchat.gateway.bridge;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The bridge against the gateway's own embedded broker, as a fresh machine with only a
 * JDK runs it.
 */
@Tag("jdk-smoke")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbeddedBrokerBridgeTests extends AbstractBridgeTests {

}
