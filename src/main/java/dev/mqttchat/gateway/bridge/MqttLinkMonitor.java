package dev.mqttchat.gateway.bridge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.event.EventListener;
import org.springframework.integration.mqtt.event.MqttSubscribedEvent;
import org.springframework.integration.mqtt.inbound.AbstractMqttMessageDrivenChannelAdapter;

/**
 * The connection state of each of the gateway's MQTT clients, and whether the bridge can
 * carry messages; as metrics, {@code chat.mqtt.link.connected} and
 * {@code chat.mqtt.reconnects} per client.
 */
public final class MqttLinkMonitor implements MeterBinder {

	private final MqttLink inbound;

	private final MqttLink outbound;

	private final MqttLink store;

	private final MqttLink rooms;

	private final MqttLink presence;

	private final Map<Object, MqttLink> subscribers = new ConcurrentHashMap<>();

	MqttLinkMonitor(String brokerUrl, String retryHint) {
		this.inbound = new MqttLink("inbound", brokerUrl, retryHint, false);
		this.outbound = new MqttLink("outbound", brokerUrl, "reconnecting on the next message", true);
		this.store = new MqttLink("store", brokerUrl, retryHint, false);
		this.rooms = new MqttLink("rooms", brokerUrl, retryHint, false);
		this.presence = new MqttLink("presence", brokerUrl, retryHint, false);
	}

	/** Broker to browsers: the live announcements of stored messages. */
	public MqttLink inbound() {
		return this.inbound;
	}

	/** Browsers (and announcements) to the broker. */
	public MqttLink outbound() {
		return this.outbound;
	}

	/** Room topics to the message store. */
	public MqttLink store() {
		return this.store;
	}

	/** Announcements of deleted rooms. */
	public MqttLink rooms() {
		return this.rooms;
	}

	/** Presence, typing and read markers. */
	public MqttLink presence() {
		return this.presence;
	}

	/** Every client's link. */
	public List<MqttLink> all() {
		return List.of(this.inbound, this.outbound, this.store, this.rooms, this.presence);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (MqttLink link : all()) {
			Gauge.builder("chat.mqtt.link.connected", link, (state) -> state.isUp() ? 1 : 0)
				.description("Whether this MQTT client of the gateway is connected to the broker")
				.tag("link", link.role())
				.register(registry);
			FunctionCounter.builder("chat.mqtt.reconnects", link, MqttLink::reconnects)
				.description("Connections of this MQTT client after its first one")
				.tag("link", link.role())
				.register(registry);
		}
	}

	/**
	 * Whether the broker answers this instance: some client is connected; a publish may
	 * then succeed.
	 */
	public boolean brokerReachable() {
		return all().stream().anyMatch(MqttLink::isUp);
	}

	/** Whether every client is connected. */
	public boolean allUp() {
		return all().stream().allMatch(MqttLink::isUp);
	}

	/**
	 * Whether messages on room topics are stored and announced to this instance's
	 * browsers.
	 */
	public boolean bridgeReady() {
		// An instance on standby relies on the one that holds the storing session.
		return this.inbound.isReady() && (this.store.isReady() || this.store.isStandby()) && this.rooms.isReady();
	}

	/**
	 * Marks {@code link} subscribed whenever {@code adapter} reports its subscription.
	 */
	<T extends AbstractMqttMessageDrivenChannelAdapter<?, ?>> T watch(T adapter, MqttLink link) {
		this.subscribers.put(adapter, link);
		return adapter;
	}

	@EventListener
	void onSubscribed(MqttSubscribedEvent event) {
		// Spring Integration reports a subscription only as an event, after the connect
		// the client saw.
		MqttLink link = this.subscribers.get(event.getSource());
		if (link != null) {
			link.subscribed();
		}
	}

}
