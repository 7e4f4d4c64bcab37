package dev.mqttchat.gateway.bridge;

import dev.mqttchat.gateway.chat.BrokerStatus;

import org.springframework.stereotype.Component;

/** The broker link as the chat sees it: reachable, and whether this instance stores. */
@Component
class BridgeBrokerStatus implements BrokerStatus {

	private final MqttLinkMonitor links;

	BridgeBrokerStatus(MqttLinkMonitor links) {
		this.links = links;
	}

	@Override
	public boolean reachable() {
		return this.links.brokerReachable();
	}

	@Override
	public boolean storing() {
		MqttLink store = this.links.store();
		return !store.isStandby() && store.isUp();
	}

}
