package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Enforces retention on a schedule: messages past the maximum age, and each room's
 * surplus over its maximum.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionConfig implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(RetentionConfig.class);

	private final MessageStore store;

	private final ChatProperties.Storage storage;

	RetentionConfig(MessageStore store, ChatProperties properties) {
		this.store = store;
		this.storage = properties.storage();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		Duration interval = this.storage.cleanupInterval();
		registrar.addFixedDelayTask(this::enforce, interval);
	}

	void enforce() {
		int removed = this.store.enforceRetention(Instant.now().minus(this.storage.maxAge()),
				this.storage.maxMessagesPerRoom());
		if (removed > 0) {
			logger.info("Retention removed {} messages", removed);
		}
	}

}
