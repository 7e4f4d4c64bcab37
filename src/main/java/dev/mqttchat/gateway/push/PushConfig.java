package dev.mqttchat.gateway.push;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.PushSettings;
import dev.mqttchat.gateway.TokenBucket;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.room.RoomAccess;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Web Push, unless {@code chat.push.enabled=false}: the VAPID identity, the
 * subscriptions, and the flow that pushes each newly stored message from a thread of its
 * own. Only the instance holding the storing lease sees newly stored messages, so each is
 * pushed once across instances.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "chat.push.enabled", matchIfMissing = true)
class PushConfig {

	private static final Logger logger = LoggerFactory.getLogger(PushConfig.class);

	@Bean
	Vapid vapid(ChatProperties properties, JdbcClient jdbc, JsonMapper json) {
		return VapidKeys.load(properties.push().vapid(), jdbc, json);
	}

	@Bean
	PushSubscriptions pushSubscriptions(JdbcClient jdbc, TransactionTemplate transactions) {
		return new PushSubscriptions(jdbc, transactions);
	}

	@Bean
	PushRequestReader pushRequestReader(ChatProperties properties, RoomRegistry rooms, RoomAccess access) {
		PushSettings push = properties.push();
		return new PushRequestReader(new AllowedEndpoints(push.allowedEndpoints()), rooms, access,
				properties.auth().signIn(), push.maxRooms());
	}

	@Bean
	PushMetrics pushMetrics(MeterRegistry meters) {
		return new PushMetrics(meters);
	}

	@Bean
	PushSender pushSender(Vapid vapid, PushSubscriptions pushSubscriptions, PushMetrics pushMetrics,
			ChatProperties properties) {
		PushSettings push = properties.push();
		return new PushSender(vapid, pushSubscriptions, pushMetrics, push.ttl(), push.maxAttempts(), push.retryDelay());
	}

	@Bean
	PushDispatcher pushDispatcher(RoomRegistry rooms, RoomAccess access, PushSubscriptions pushSubscriptions,
			PushSender pushSender, PushMetrics pushMetrics, JsonMapper json) {
		return new PushDispatcher(rooms, access, pushSubscriptions, pushSender, pushMetrics, json);
	}

	@Bean
	PushRooms pushRooms(JdbcClient jdbc) {
		return new PushRooms(jdbc);
	}

	@Bean
	ThreadPoolTaskExecutor pushExecutor(PushMetrics pushMetrics) {
		// One thread: pushes are sent without waiting for their answers. A bounded queue,
		// and what does not fit is dropped and counted: storing never waits for pushes.
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(10_000);
		executor.setThreadNamePrefix("push-");
		// Once a minute, not per message: a flood of warnings would cost what the queue
		// saves.
		TokenBucket warnings = new TokenBucket(1, 1 / 60d);
		executor.setRejectedExecutionHandler((task, pool) -> {
			pushMetrics.failed();
			if (warnings.tryTake()) {
				logger.warn("Push queue full: messages are not pushed (counted in chat.push.failed)");
			}
		});
		return executor;
	}

	@Bean
	IntegrationFlow pushFlow(PublishSubscribeChannel storedMessages, ThreadPoolTaskExecutor pushExecutor,
			PushDispatcher pushDispatcher, PushRooms pushRooms, ChatProperties properties) {
		return IntegrationFlow.from(storedMessages)
			.filter(StoredMessage.class,
					(message) -> pushRooms.named(message.roomId())
							&& PushDispatcher.worthPushing(message, properties.push().ttl()),
					(endpoint) -> endpoint.id("pushCandidateFilter").discardChannel("nullChannel"))
			.channel(MessageChannels.executor("pushDispatch", pushExecutor))
			.handle(StoredMessage.class, (message, headers) -> {
				pushDispatcher.dispatch(message);
				return null;
			}, (endpoint) -> endpoint.id("storedMessagePusher"))
			.get();
	}

}
