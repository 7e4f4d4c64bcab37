package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.GatewayInstance;
import dev.mqttchat.gateway.SerializedBody;
import dev.mqttchat.gateway.chat.RoomBroadcaster;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.history.Incoming;
import dev.mqttchat.gateway.history.InstanceRepository;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.history.StoreLease;
import dev.mqttchat.gateway.room.RoomCache;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.acks.SimpleAcknowledgment;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.TransactionException;

/**
 * Room topics to the store: everything said on an issued room's topic is decoded and
 * stored in batches by the instance holding the storing session, acknowledged to the
 * broker once committed, delivered to this instance's subscribers, published on the
 * room's stored topic for MQTT clients, and announced on the room's live topic for the
 * other instances; refusals are told on the room's feedback topic.
 */
@Configuration(proxyBeanMethods = false)
class StoreFlowConfig {

	/** The header carrying a stored message's JSON, made once. */
	private static final String STORED_JSON = "chat_storedJson";

	@Bean
	ThreadPoolTaskExecutor localDeliveryExecutor() {
		// One thread, so this instance's subscribers get stored messages in the order
		// they were stored.
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("local-delivery-");
		return executor;
	}

	@Bean
	PublishSubscribeChannel storedMessages() {
		return new PublishSubscribeChannel();
	}

	@Bean
	GroupCommitWriter groupCommitWriter(MessageStore store, MqttLinkMonitor links,
			PublishSubscribeChannel storedMessages, GatewayInstance instance, ChatProperties properties) {
		return new GroupCommitWriter(store, links.store(), storedMessages, instance.id(),
				properties.storage().leaseTime(), properties.storage().batchSize());
	}

	@Bean
	LiveAnnouncementGate liveAnnouncementGate(ChatProperties properties) {
		return new LiveAnnouncementGate(properties.storage().announce() == ChatProperties.Storage.Announce.ALWAYS);
	}

	@Bean
	StoreSessionLifecycle storeSessionLifecycle(StoreLease lease, GatewayInstance instance, ChatProperties properties,
			MqttPahoMessageDrivenChannelAdapter mqttStoreAdapter, GroupCommitWriter groupCommitWriter,
			MqttLinkMonitor links, InstanceRepository instances, LiveAnnouncementGate liveAnnouncementGate) {
		return new StoreSessionLifecycle(lease, instance.id(), properties.storage().leaseTime(),
				properties.storage().giveUpAfter(), mqttStoreAdapter, groupCommitWriter, links, instances,
				liveAnnouncementGate);
	}

	@Bean
	IntegrationFlow storeFlow(MqttPahoMessageDrivenChannelAdapter mqttStoreAdapter, RoomTopics topics, RoomCache rooms,
			MqttPayloadCodec codec, GroupCommitWriter groupCommitWriter, MqttLinkMonitor links,
			RefusalFeedback feedback, PublisherNames names) {
		return IntegrationFlow.from(mqttStoreAdapter)
			.handle(byte[].class, (payload, headers) -> decode(topics, rooms, codec, feedback, names, payload, headers),
					(endpoint) -> endpoint.id("mqttPayloadDecoder"))
			.handle(Incoming.class, (incoming, headers) -> {
				groupCommitWriter.submit(new GroupCommitWriter.Arrival(incoming, headers
					.get(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK, SimpleAcknowledgment.class),
						links.store().connection(), arrivedAt(headers)));
				return null;
			}, (endpoint) -> endpoint.id("groupCommitSubmitter"))
			.get();
	}

	/**
	 * Stored messages: this instance's subscribers get them at once, from a thread of
	 * their own while the next batch is stored, and then MQTT clients on the stored topic
	 * (unless {@code chat.mqtt.stored-topic} is off); the other instances, if any run,
	 * learn of them from the announcement, and this instance skips its own.
	 */
	@Bean
	IntegrationFlow storedMessageFlow(PublishSubscribeChannel storedMessages, RoomTopics topics, RoomFeeds feeds,
			MqttClientIds ids, ThreadPoolTaskExecutor localDeliveryExecutor, DirectChannel mqttOutbound,
			BridgeLatency latency, LiveAnnouncementGate liveAnnouncementGate, RoomBroadcaster broadcaster,
			ChatProperties properties) {
		boolean storedTopic = properties.mqtt().storedTopic();
		return IntegrationFlow.from(storedMessages)
			.publishSubscribeChannel((stored) -> stored
				.subscribe((local) -> local.channel(MessageChannels.executor("localDelivery", localDeliveryExecutor))
					.handle(StoredMessage.class, (message, headers) -> {
						// Serialized once, for the subscribers here and the stored topic.
						SerializedBody body = broadcaster.encode(message);
						feeds.stored(message, body);
						latency.stored(headers);
						return (body != null && storedTopic)
								? MessageBuilder.withPayload(message).setHeader(STORED_JSON, body).build() : null;
					}, (endpoint) -> endpoint.id("storedMessageBroadcaster"))
					// MQTT clients read the room as stored, with ids and seqs,
					// on its stored topic: the same JSON, in order, off the
					// storing thread.
					.handle(StoredMessage.class,
							(message, headers) -> MessageBuilder
								.withPayload(Objects.requireNonNull(headers.get(STORED_JSON, SerializedBody.class))
									.json()
									.getBytes(StandardCharsets.UTF_8))
								.setHeader(MqttHeaders.TOPIC, topics.storedTopicOf(message.roomId()))
								.build(),
							(endpoint) -> endpoint.id("storedMessagePublisher"))
					.channel(mqttOutbound))
				.subscribe((others) -> others.filter(StoredMessage.class, (message) -> liveAnnouncementGate.open(),
						// Nobody to tell is the normal case of a single instance.
						(endpoint) -> endpoint.id("unheardAnnouncementSkipper").discardChannel("nullChannel"))
					.handle(StoredMessage.class, (message, headers) -> announcement(topics, message, ids.instance()),
							(endpoint) -> endpoint.id("liveAnnouncer"))
					.channel(mqttOutbound)))
			.get();
	}

	private static long arrivedAt(MessageHeaders headers) {
		return (headers.get(BridgeLatency.ARRIVED) instanceof Long arrived) ? arrived : System.nanoTime();
	}

	private static @Nullable Message<Incoming> decode(RoomTopics topics, RoomCache rooms, MqttPayloadCodec codec,
			RefusalFeedback feedback, PublisherNames names, byte[] payload, MessageHeaders headers) {
		long arrived = System.nanoTime();
		String topic = String.valueOf(headers.get(MqttHeaders.RECEIVED_TOPIC));
		boolean redelivered = Boolean.TRUE.equals(headers.get(MqttHeaders.DUPLICATE));
		// Topics of rooms that were never issued are neither stored nor bridged.
		Incoming incoming;
		try {
			incoming = topics.roomOf(topic)
				.flatMap(rooms::find)
				.map((room) -> codec.incoming(room.id(), room.encrypted(), payload, redelivered, feedback::refused))
				.orElse(null);
		}
		catch (DataAccessException | TransactionException ex) {
			// The database is away: the store checks the room when it is back, and
			// this message keeps its place in the order meanwhile.
			// Whether the room is encrypted is not known either: the store checks that
			// too.
			incoming = topics.roomOf(topic)
				.map((room) -> codec.incoming(room, false, payload, redelivered, feedback::refused))
				.orElse(null);
		}
		incoming = names.check(topic, payload, incoming, feedback::refused);
		if (incoming == null) {
			// Dropped for good: acknowledged, or the broker would offer it again forever.
			SimpleAcknowledgment ack = headers.get(IntegrationMessageHeaderAccessor.ACKNOWLEDGMENT_CALLBACK,
					SimpleAcknowledgment.class);
			if (ack != null) {
				ack.acknowledge();
			}
			return null;
		}
		return MessageBuilder.withPayload(incoming)
			.copyHeaders(headers)
			.setHeader(BridgeLatency.ARRIVED, arrived)
			.build();
	}

	private static Message<byte[]> announcement(RoomTopics topics, StoredMessage message, String instance) {
		return MessageBuilder.withPayload(new LiveAnnouncement(message.seq(), instance).toJson())
			.setHeader(MqttHeaders.TOPIC, topics.liveTopicOf(message.roomId()))
			.build();
	}

}
