package dev.mqttchat.gateway.bridge;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.TestGateway;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A taken embedded-broker port stops start-up with one line that names the settings to
 * change.
 */
class EmbeddedBrokerPortTests {

	@Test
	void takenPortFailsStartupNamingBothSettings() throws Exception {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("127.0.0.1", 0));
			assertThatThrownBy(() -> TestGateway.start("chat.mqtt.embedded.port=" + taken.getLocalPort()))
				.hasRootCauseInstanceOf(java.net.BindException.class)
				.satisfies((failure) -> {
					EmbeddedBrokerPortInUseException cause = findCause(failure);
					FailureAnalysis analysis = new EmbeddedBrokerFailureAnalyzer().analyze(failure);
					assertThat(analysis.getDescription()).doesNotContain("\n")
						.contains("127.0.0.1:" + taken.getLocalPort())
						.contains("chat.mqtt.embedded.port (CHAT_MQTT_EMBEDDED_PORT)")
						.contains("chat.mqtt.url (CHAT_MQTT_URL)")
						.isEqualTo(cause.getMessage());
				});
		}
	}

	private static EmbeddedBrokerPortInUseException findCause(Throwable failure) {
		Throwable cause = failure;
		while (!(cause instanceof EmbeddedBrokerPortInUseException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(EmbeddedBrokerPortInUseException.class);
		return (EmbeddedBrokerPortInUseException) cause;
	}

}
