package dev.mqttchat.gateway.bridge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The MQTT side's health, shown as {@code mqtt} and part of readiness: up when every
 * subscription is live, with each client's state, the broker (without credentials) and
 * when each client last connected.
 */
@Component("mqtt")
class MqttHealthIndicator implements HealthIndicator {

	private final MqttLinkMonitor links;

	private final BrokerEndpoint broker;

	MqttHealthIndicator(MqttLinkMonitor links, BrokerEndpoint broker) {
		this.links = links;
		this.broker = broker;
	}

	@Override
	public Health health() {
		// The publishing client connects with the first message, so only the
		// subscriptions decide readiness.
		Health.Builder health = this.links.bridgeReady() ? Health.up() : Health.down();
		health.withDetail("broker", this.broker.displayUrl()).withDetail("embedded", this.broker.isEmbedded());
		for (MqttLink link : this.links.all()) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("connected", link.isUp());
			state.put("node", (link.node() != null) ? link.node() : "none");
			state.put("ready", link.isReady());
			state.put("lastConnected", (link.lastConnected() != null) ? link.lastConnected().toString() : "never");
			state.put("failedAttempts", link.failedAttempts());
			state.put("reconnects", link.reconnects());
			health.withDetail(link.role(), state);
		}
		return health.build();
	}

}
