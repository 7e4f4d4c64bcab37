package dev.mqttchat.gateway.security;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy on loopback or a private network (trusted by default), the gateway sees
 * what the proxy saw: the public scheme, host and port in {@code Location}, and each
 * browser's own address for the room limit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chat.rooms.create-per-minute=1")
class TrustedProxyTests {

	@LocalServerPort
	int port;

	@Test
	void theProxysViewNamesLocationsAndClients() throws Exception {
		Map<String, String> proxied = Map.of("X-Forwarded-Host", "chat.example.com", "X-Forwarded-Proto", "https",
				"X-Forwarded-Port", "443");

		HttpResponse<String> alice = ForwardedHeadersAttackTests.create(this.port, "203.0.113.1", proxied);
		HttpResponse<String> bob = ForwardedHeadersAttackTests.create(this.port, "203.0.113.2", proxied);
		HttpResponse<String> aliceAgain = ForwardedHeadersAttackTests.create(this.port, "203.0.113.1", proxied);

		assertThat(alice.statusCode()).isEqualTo(201);
		assertThat(alice.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).startsWith("https://chat.example.com/api/rooms/"));
		assertThat(bob.statusCode()).as("another browser behind the same proxy").isEqualTo(201);
		assertThat(aliceAgain.statusCode()).as("the first browser's limit").isEqualTo(429);
	}

}
