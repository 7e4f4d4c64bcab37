package dev.mqttchat.gateway.attachment;

import java.time.Instant;

import jakarta.servlet.MultipartConfigElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.AttachmentSettings;
import dev.mqttchat.gateway.ChatProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Uploads no larger than the picture or file limit (so nothing bigger is ever buffered),
 * and pictures and files that no message carries removed after
 * {@code chat.attachments.unclaimed-for}.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfig implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(AttachmentConfig.class);

	private final AttachmentRepository repository;

	private final ChatProperties properties;

	AttachmentConfig(AttachmentRepository repository, ChatProperties properties) {
		this.repository = repository;
		this.properties = properties;
	}

	@Bean
	static MultipartConfigElement multipartConfigElement(ChatProperties properties) {
		// An encrypted picture or file is its IV and tag longer than what it holds.
		long max = properties.attachments().maxUploadBytes() + AttachmentController.SEALED_OVERHEAD;
		// The form's other parts and boundaries add a little to the file itself; up to
		// 256 KB stays in memory, more goes to a temporary file while it is checked.
		return new MultipartConfigElement("", max, max + 64 * 1024, 256 * 1024);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::removeUnclaimed, this.properties.storage().cleanupInterval());
	}

	void removeUnclaimed() {
		AttachmentSettings settings = this.properties.attachments();
		int removed = this.repository.removeUnclaimed(Instant.now().minus(settings.unclaimedFor()));
		if (removed > 0) {
			logger.info("Removed {} uploaded pictures that no message carried within {}", removed,
					settings.unclaimedFor());
		}
	}

}
