package dev.mqttchat.gateway;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IDEs complete every {@code chat.*} setting with its description, from the metadata the
 * build generates.
 */
@Tag("jdk-smoke")
class ConfigurationMetadataTests {

	@Test
	void everyChatSettingIsDescribed() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("configuration metadata on the class path").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> names = new ArrayList<>();
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("chat.")) {
				names.add(name);
				if (property.path("description").asString().isBlank()) {
					undescribed.add(name);
				}
			}
		}

		assertThat(names).contains("chat.storage.shared-group", "chat.mqtt.url", "chat.web.heartbeat",
				"chat.rooms.topic-prefix");
		assertThat(undescribed).as("settings without a description").isEmpty();
	}

}
