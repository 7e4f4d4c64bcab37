package dev.mqttchat.gateway.bridge;

import java.time.Instant;
import java.util.Optional;

import dev.mqttchat.gateway.presence.PresenceEntry;
import dev.mqttchat.gateway.presence.ReadMarker;
import dev.mqttchat.gateway.presence.ReadMarkers;
import dev.mqttchat.gateway.presence.RoomPresence;
import dev.mqttchat.gateway.presence.TypingBroadcaster;
import dev.mqttchat.gateway.presence.WebPresenceTracker;
import dev.mqttchat.gateway.room.RoomCache;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Applies what arrives on the presence, typing, read and gateway topics: rosters, typing
 * notices and read markers for issued rooms, and gone instances. A retained entry of this
 * instance that it no longer holds (left over from before a crash) is cleared on the
 * broker.
 */
@Component
class PresenceReceiver {

	private final PresenceTopics topics;

	private final PresenceCodec codec;

	private final RoomCache rooms;

	private final RoomPresence presence;

	private final ReadMarkers markers;

	private final TypingBroadcaster typing;

	private final WebPresenceTracker local;

	private final DirectChannel mqttOutbound;

	private final String instance;

	private final Instant startedAt = Instant.now();

	private final boolean clearWills;

	PresenceReceiver(PresenceTopics topics, PresenceCodec codec, RoomCache rooms, RoomPresence presence,
			ReadMarkers markers, TypingBroadcaster typing, WebPresenceTracker local, DirectChannel mqttOutbound,
			MqttClientIds ids, BrokerEndpoint broker) {
		this.topics = topics;
		this.codec = codec;
		this.rooms = rooms;
		this.presence = presence;
		this.markers = markers;
		this.typing = typing;
		this.local = local;
		this.mqttOutbound = mqttOutbound;
		this.instance = ids.instance();
		this.clearWills = broker.isEmbedded();
	}

	void receive(String topic, byte[] payload) {
		this.topics.parse(topic).ifPresent((address) -> {
			switch (address.kind()) {
				case PRESENCE -> presence(topic, address.id(), address.key(), payload);
				case TYPING -> this.codec.typing(payload)
					.filter((who) -> issued(address.id()))
					.ifPresent((who) -> this.typing.typing(address.id(), who.username(), who.source()));
				case READ -> this.codec.marker(payload)
					.filter((marker) -> issued(address.id()))
					.ifPresent((marker) -> this.markers.update(address.id(),
							new ReadMarker(marker.username(), marker.seq(), marker.source(), Instant.now())));
				case GATEWAY -> gateway(address.id(), payload);
			}
		});
	}

	private void presence(String topic, String roomId, String key, byte[] payload) {
		Optional<Optional<PresenceEntry>> parsed = this.codec.presence(payload);
		if (parsed.isEmpty()) {
			return;
		}
		Optional<PresenceEntry> online = parsed.get();
		if (online.isEmpty()) {
			this.presence.offline(roomId, key);
			if (this.clearWills && payload.length > 0 && !key.startsWith(PresenceTopics.WEB_KEY)) {
				// Moquette delivers a client's will but does not keep it retained: the
				// client's "online" would greet every later subscriber.
				clear(topic);
			}
			return;
		}
		PresenceEntry entry = online.get();
		if (this.instance.equals(entry.instance()) && entry.since().isBefore(this.startedAt)
				&& !this.local.holds(roomId, entry.username(), entry.author())) {
			// This instance's entry from before it restarted: nobody else would clear it.
			// (A later one may just be late: its seat's leave follows.)
			this.presence.offline(roomId, key);
			clear(topic);
			return;
		}
		if (issued(roomId)) {
			this.presence.online(roomId, key, entry);
		}
	}

	private void gateway(String id, byte[] payload) {
		if (id.equals(this.instance)) {
			// Its own will, retained from its last crash: this instance is here.
			return;
		}
		this.codec.gateway(payload).ifPresent((online) -> {
			if (online) {
				this.presence.instanceOnline(id);
			}
			else {
				// The gone instance cannot clear its retained entries: every survivor
				// does, so plain MQTT watchers see no ghosts either (clearing twice is
				// harmless).
				this.presence.instanceOffline(id)
					.forEach((left) -> clear(this.topics.presenceTopic(left.getKey(), left.getValue())));
			}
		});
	}

	private void clear(String topic) {
		this.mqttOutbound.send(MessageBuilder.withPayload(new byte[0])
			.setHeader(MqttHeaders.TOPIC, topic)
			.setHeader(MqttHeaders.RETAINED, true)
			.build());
	}

	private boolean issued(String roomId) {
		return this.rooms.find(roomId).isPresent();
	}

}
