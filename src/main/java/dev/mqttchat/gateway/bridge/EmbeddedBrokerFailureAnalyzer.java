package dev.mqttchat.gateway.bridge;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a taken embedded-broker port as one readable line instead of a stack trace. */
class EmbeddedBrokerFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedBrokerPortInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedBrokerPortInUseException cause) {
		return new FailureAnalysis(String.valueOf(cause.getMessage()),
				"Free the port, or set CHAT_MQTT_EMBEDDED_PORT to another port, or set CHAT_MQTT_URL=tcp://host:1883 "
						+ "to use an existing broker instead of the embedded one.",
				cause);
	}

}
