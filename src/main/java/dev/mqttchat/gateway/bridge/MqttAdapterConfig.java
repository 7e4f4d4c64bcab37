package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.DeploymentSecret;
import dev.mqttchat.gateway.EmbeddedBroker.Access;
import dev.mqttchat.gateway.GatewayInstance;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.outbound.MqttPahoMessageHandler;
import org.springframework.integration.mqtt.support.DefaultPahoMessageConverter;

/**
 * Every MQTT client of the gateway, built in one place: the broker, one subscribing
 * adapter per subscription (room topics to store, live topics, deleted topics, presence),
 * the one publishing adapter behind the {@code mqttOutbound} channel, and where adapter
 * failures go.
 */
@Configuration(proxyBeanMethods = false)
class MqttAdapterConfig {

	private static final Logger logger = LoggerFactory.getLogger(MqttAdapterConfig.class);

	private static final String ERROR_CHANNEL = "mqttInboundErrors";

	@Bean(destroyMethod = "close")
	BrokerEndpoint brokerEndpoint(ChatProperties properties, DeploymentSecret secret, CredentialSessions rooms,
			PublisherNames names) throws IOException {
		boolean enforced = properties.mqtt().embedded().effectiveAccess(properties.auth().signIn()) == Access.ROOMS;
		return BrokerEndpoint.of(properties.mqtt(), secret, enforced ? rooms : null, names);
	}

	@Bean
	MqttClientIds mqttClientIds(ChatProperties properties, GatewayInstance instance, DeploymentSecret secret) {
		return MqttClientIds.of(properties.mqtt().clientIdPrefix(), instance.id(), properties.rooms().topicPrefix(),
				properties.storage().sharedGroup(), secret);
	}

	@Bean
	MqttLinkMonitor mqttLinkMonitor(BrokerEndpoint broker, ChatProperties properties) {
		return new MqttLinkMonitor(broker.displayUrl(),
				"retrying with backoff up to " + properties.mqtt().maxReconnectDelay().toSeconds() + "s");
	}

	@Bean
	ConnectOptionsFactory connectOptionsFactory(BrokerEndpoint broker, ChatProperties properties, SslBundles ssl) {
		return new ConnectOptionsFactory(broker, properties.mqtt(), ssl);
	}

	@Bean
	MqttPahoMessageDrivenChannelAdapter mqttStoreAdapter(ConnectOptionsFactory options, MqttClientIds ids,
			MqttLinkMonitor links, RoomTopics topics, ChatProperties properties) {
		// One persistent session for the deployment, held by one instance at a time: the
		// broker keeps what arrives while the session changes hands, and nothing is
		// acknowledged before it is stored.
		String group = properties.storage().sharedGroup();
		String filter = group.isEmpty() ? topics.roomFilter() : "$share/" + group + "/" + topics.roomFilter();
		MqttPahoMessageDrivenChannelAdapter adapter = subscriber(ids.store(),
				new ReportingClientFactory(options.options(true, false), links.store(), true), links, links.store(),
				properties, filter);
		adapter.setManualAcks(true);
		return adapter;
	}

	@Bean
	MqttPahoMessageDrivenChannelAdapter mqttLiveAdapter(ConnectOptionsFactory options, MqttClientIds ids,
			MqttLinkMonitor links, ChatProperties properties) {
		// No topic to start with: LiveSubscriptions adds a room's while it has readers
		// here.
		return subscriber(ids.inbound(), clientFactory(options, links.inbound()), links, links.inbound(), properties);
	}

	@Bean
	MqttPahoMessageDrivenChannelAdapter mqttRoomsAdapter(ConnectOptionsFactory options, MqttClientIds ids,
			MqttLinkMonitor links, RoomTopics topics, ChatProperties properties) {
		return subscriber(ids.rooms(), clientFactory(options, links.rooms()), links, links.rooms(), properties,
				topics.deletedFilter(), topics.removedFilter());
	}

	@Bean
	MqttPahoMessageDrivenChannelAdapter mqttPresenceAdapter(ConnectOptionsFactory options, MqttClientIds ids,
			MqttLinkMonitor links, PresenceTopics topics, PresenceCodec codec, ChatProperties properties) {
		MqttConnectOptions connect = options.options(true, true);
		// The broker says this instance is gone when its connection dies, so the other
		// instances drop its users: no ghosts without home-made clustering.
		connect.setWill(topics.gatewayTopic(ids.instance()), codec.gateway(ids.instance(), false), 1, true);
		return subscriber(ids.presence(), new ReportingClientFactory(connect, links.presence(), false), links,
				links.presence(), properties, topics.filters());
	}

	@Bean
	SubscriberStartupLifecycle subscriberStartupLifecycle(MqttPahoMessageDrivenChannelAdapter mqttLiveAdapter,
			MqttPahoMessageDrivenChannelAdapter mqttRoomsAdapter,
			MqttPahoMessageDrivenChannelAdapter mqttPresenceAdapter) {
		// The storing adapter starts and stops with the storing lease.
		return new SubscriberStartupLifecycle(List.of(mqttLiveAdapter, mqttRoomsAdapter, mqttPresenceAdapter));
	}

	@Bean
	MqttPahoMessageHandler mqttOutboundAdapter(ConnectOptionsFactory options, MqttClientIds ids, MqttLinkMonitor links,
			ChatProperties properties) {
		MqttPahoMessageHandler handler = new MqttPahoMessageHandler(ids.outbound(),
				new ReportingClientFactory(options.options(false, true), links.outbound(), false));
		handler.setAsync(true);
		handler.setDefaultQos(1);
		handler.setDefaultRetained(false);
		handler.setCompletionTimeout(properties.mqtt().connectTimeout().toMillis() + 1000);
		handler.setDisconnectCompletionTimeout(2000);
		return handler;
	}

	/**
	 * Where every publication of the gateway goes, with its topic in the
	 * {@code mqtt_topic} header.
	 */
	@Bean
	DirectChannel mqttOutbound() {
		return new DirectChannel();
	}

	@Bean
	IntegrationFlow mqttPublishing(DirectChannel mqttOutbound, MqttPahoMessageHandler mqttOutboundAdapter) {
		return IntegrationFlow.from(mqttOutbound)
			.handle(mqttOutboundAdapter, (endpoint) -> endpoint.id("mqttOutboundEndpoint"))
			.get();
	}

	@Bean
	IntegrationFlow mqttInboundErrorFlow() {
		return IntegrationFlow.from(ERROR_CHANNEL).handle(Object.class, (payload, headers) -> {
			String reason = (payload instanceof Throwable error) ? MqttLink.describe(error) : String.valueOf(payload);
			logger.warn("MQTT message not handled: {}", reason);
			return null;
		}, (endpoint) -> endpoint.id("mqttInboundErrorLogger")).get();
	}

	private static ReportingClientFactory clientFactory(ConnectOptionsFactory options, MqttLink link) {
		return new ReportingClientFactory(options.options(true, true), link, false);
	}

	/**
	 * A QoS 1 subscriber whose failures go to the error channel, never back into Paho.
	 */
	private static MqttPahoMessageDrivenChannelAdapter subscriber(String clientId, ReportingClientFactory clients,
			MqttLinkMonitor links, MqttLink link, ChatProperties properties, String... filters) {
		MqttPahoMessageDrivenChannelAdapter adapter = new MqttPahoMessageDrivenChannelAdapter(clientId, clients,
				filters);
		adapter.setQos(1);
		adapter.setCompletionTimeout(properties.mqtt().connectTimeout().toMillis() + 1000);
		// Paho's defaults wait 30 s at shutdown; in-flight QoS 1 deliveries are
		// redelivered by the broker anyway.
		adapter.setQuiescentTimeout(500);
		adapter.setDisconnectCompletionTimeout(2000);
		DefaultPahoMessageConverter converter = new DefaultPahoMessageConverter();
		converter.setPayloadAsBytes(true);
		adapter.setConverter(converter);
		// An exception thrown back into Paho's callback would drop the connection for
		// every room.
		adapter.setErrorChannelName(ERROR_CHANNEL);
		return links.watch(adapter, link);
	}

}
