package dev.mqttchat.gateway.presence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** Presence over the gateway's own embedded broker, as a fresh machine runs it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbeddedBrokerPresenceTests extends AbstractPresenceTests {

}
