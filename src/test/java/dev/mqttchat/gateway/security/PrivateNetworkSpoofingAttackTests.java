package dev.mqttchat.gateway.security;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone on a private network sending {@code X-Forwarded-For} to choose the address the
 * per-address limits count: by default only a proxy on loopback is believed.
 */
@GatewayUnderAttack
class PrivateNetworkSpoofingAttackTests {

	@Autowired
	Environment environment;

	@Test
	void onlyLoopbackIsATrustedProxyByDefault() {
		Pattern trusted = Pattern
			.compile(this.environment.getRequiredProperty("server.tomcat.remoteip.internal-proxies"));

		assertThat(trusted.matcher("127.0.0.1").matches()).as("127.0.0.1").isTrue();
		assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).as("::1").isTrue();
		for (String privateAddress : new String[] { "10.0.0.5", "192.168.1.20", "172.16.4.4", "169.254.1.1",
				"100.64.0.1", "fd00:0:0:0:0:0:0:1" }) {
			assertThat(trusted.matcher(privateAddress).matches()).as("%s trusted", privateAddress).isFalse();
		}
	}

}
