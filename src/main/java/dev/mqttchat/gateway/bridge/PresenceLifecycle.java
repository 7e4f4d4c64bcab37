package dev.mqttchat.gateway.bridge;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.presence.RoomPresence;
import dev.mqttchat.gateway.presence.WebPresenceTracker;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.mqtt.event.MqttSubscribedEvent;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;

/**
 * This instance's own state on its gateway topic: each time its presence subscription is
 * made (first start, or after the broker lost it and sent its last will) it says it is
 * online and announces its users again; at a graceful stop, after the closing sessions'
 * leaves, it says it is gone, as Paho sends no will for a clean disconnect.
 */
final class PresenceLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PresenceLifecycle.class);

	private final MqttPahoMessageDrivenChannelAdapter adapter;

	private final PresenceTopics topics;

	private final PresenceCodec codec;

	private final String instance;

	private final RoomPresence presence;

	private final WebPresenceTracker local;

	private final DirectChannel mqttOutbound;

	private volatile boolean running;

	PresenceLifecycle(MqttPahoMessageDrivenChannelAdapter adapter, PresenceTopics topics, PresenceCodec codec,
			MqttClientIds ids, RoomPresence presence, WebPresenceTracker local, DirectChannel mqttOutbound) {
		this.adapter = adapter;
		this.topics = topics;
		this.codec = codec;
		this.instance = ids.instance();
		this.presence = presence;
		this.local = local;
		this.mqttOutbound = mqttOutbound;
	}

	@EventListener
	void onSubscribed(MqttSubscribedEvent event) {
		if (event.getSource() != this.adapter) {
			return;
		}
		this.presence.resyncing();
		publishState(true);
		this.local.announceAll();
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		// The WebSocket side has stopped: its sessions' leaves are queued.
		this.local.flush(Duration.ofSeconds(2));
		publishState(false);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// After the WebSocket side (Integer.MAX_VALUE - 100), before the MQTT clients.
		return Integer.MAX_VALUE - 200;
	}

	private boolean publishState(boolean online) {
		try {
			this.mqttOutbound.send(MessageBuilder.withPayload(this.codec.gateway(this.instance, online))
				.setHeader(MqttHeaders.TOPIC, this.topics.gatewayTopic(this.instance))
				.setHeader(MqttHeaders.QOS, 1)
				.setHeader(MqttHeaders.RETAINED, true)
				.build());
			return true;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not say on {} that this instance is {}: {}", this.topics.gatewayTopic(this.instance),
					online ? "online" : "gone", MqttLink.describe(ex));
			return false;
		}
	}

}
