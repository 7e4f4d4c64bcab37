package dev.mqttchat.gateway.bridge;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The bridge against the gateway's own embedded broker, as a fresh machine with only a
 * JDK runs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbeddedBrokerBridgeTests extends AbstractBridgeTests {

}
