package dev.mqttchat.gateway.bridge;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.presence.PresenceSignal;

import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Turns a presence signal into the MQTT publications that carry it: a retained online
 * entry; an offline notice followed by the empty retained message that clears the entry;
 * a typing notice at QoS 0, never retained; a retained read marker.
 */
@Component
class PresenceSignalEncoder {

	private final PresenceTopics topics;

	private final PresenceCodec codec;

	private final String instance;

	PresenceSignalEncoder(PresenceTopics topics, PresenceCodec codec, MqttClientIds ids) {
		this.topics = topics;
		this.codec = codec;
		this.instance = ids.instance();
	}

	List<Message<byte[]>> encode(PresenceSignal signal) {
		String roomId = signal.roomId();
		String username = signal.username();
		if (signal instanceof PresenceSignal.Online online) {
			return List.of(publication(presenceTopic(roomId, username, online.author()),
					this.codec.online(username, online.since(), this.instance, online.author()), 1, true));
		}
		if (signal instanceof PresenceSignal.Offline offline) {
			// Watchers see the leave; the empty retained message then clears the entry.
			String topic = presenceTopic(roomId, username, offline.author());
			return List.of(publication(topic, this.codec.offline(username, this.instance, offline.author()), 1, false),
					publication(topic, new byte[0], 1, true));
		}
		if (signal instanceof PresenceSignal.Read read) {
			return List.of(publication(this.topics.readTopic(roomId, PresenceTopics.webReadKey(username)),
					this.codec.read(username, read.seq()), 1, true));
		}
		return List
			.of(publication(this.topics.typingTopic(roomId), this.codec.typing(username, this.instance), 0, false));
	}

	private String presenceTopic(String roomId, String username, @Nullable String author) {
		return this.topics.presenceTopic(roomId, PresenceTopics.webPresenceKey(username, author, this.instance));
	}

	private static Message<byte[]> publication(String topic, byte[] payload, int qos, boolean retained) {
		return MessageBuilder.withPayload(payload)
			.setHeader(MqttHeaders.TOPIC, topic)
			.setHeader(MqttHeaders.QOS, qos)
			.setHeader(MqttHeaders.RETAINED, retained)
			.build();
	}

}
