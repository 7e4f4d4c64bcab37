package dev.mqttchat.gateway.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory broker keeps the subscribers of many more destinations looked up than
 * Spring's 1,024: past that, with a few hundred rooms in use, every message scanned every
 * subscription of every session (W5 at 19,000 sessions in 2,000 rooms stalled on it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrokerDestinationCacheTests {

	@Autowired
	SimpleBrokerMessageHandler broker;

	@Test
	void brokerKeepsTheSubscribersOfSixtyFiveThousandDestinationsLookedUp() {
		DefaultSubscriptionRegistry registry = (DefaultSubscriptionRegistry) this.broker.getSubscriptionRegistry();

		assertThat(registry.getCacheLimit()).isEqualTo(65_536);
	}

}
