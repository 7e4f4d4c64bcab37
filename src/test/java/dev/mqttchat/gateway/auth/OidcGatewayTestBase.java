package dev.mqttchat.gateway.auth;

import java.util.Arrays;

import dev.mqttchat.gateway.testsupport.OidcProvider;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway in {@code oidc} mode, signing people in through the shared
 * {@link OidcProvider}; test classes that extend it (the browser tests too) share its
 * Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OidcGatewayTestBase {

	@DynamicPropertySource
	static void signInThroughTheTestProvider(DynamicPropertyRegistry registry) {
		OidcProvider provider = OidcProvider.shared();
		Arrays.stream(provider.gatewaySettings()).forEach((setting) -> {
			int equals = setting.indexOf('=');
			registry.add(setting.substring(0, equals), () -> setting.substring(equals + 1));
		});
	}

}
