package dev.mqttchat.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting binds from the environment variable the README gives for it, and the
 * defaults hold.
 */
class ChatPropertiesTests {

	@Test
	void defaultsMatchTheReadme() {
		ChatProperties chat = bind(Map.of());

		assertThat(chat.mqtt().useEmbedded()).isTrue();
		assertThat(chat.mqtt().embedded().host()).isEqualTo("127.0.0.1");
		assertThat(chat.mqtt().embedded().port()).isEqualTo(1883);
		assertThat(chat.mqtt().clientIdPrefix()).isEqualTo("chat-gateway");
		assertThat(chat.mqtt().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(chat.mqtt().maxReconnectDelay()).isEqualTo(Duration.ofSeconds(30));
		assertThat(chat.mqtt().keepAlive()).isEqualTo(Duration.ofSeconds(30));
		assertThat(chat.mqtt().maxInflight()).isEqualTo(1000);
		assertThat(chat.mqtt().maxPayloadSize()).isEqualTo(DataSize.ofKilobytes(64));
		assertThat(chat.rooms().topicPrefix()).isEqualTo("chat/rooms");
		assertThat(chat.rooms().idLength()).isEqualTo(22);
		assertThat(chat.messages().maxTextLength()).isEqualTo(4000);
		assertThat(chat.web().allowedOrigins()).isEmpty();
		assertThat(chat.web().heartbeat()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void everySettingBindsFromItsEnvironmentVariable() {
		ChatProperties chat = bind(Map.ofEntries(Map.entry("CHAT_MQTT_URL", "ssl://broker.example:8883"),
				Map.entry("CHAT_MQTT_EMBEDDED_HOST", "0.0.0.0"), Map.entry("CHAT_MQTT_EMBEDDED_PORT", "1884"),
				Map.entry("CHAT_MQTT_USERNAME", "gw"), Map.entry("CHAT_MQTT_PASSWORD", "s3cret"),
				Map.entry("CHAT_MQTT_CLIENTIDPREFIX", "gw-eu"), Map.entry("CHAT_MQTT_SSL_BUNDLE", "broker"),
				Map.entry("CHAT_MQTT_CONNECTTIMEOUT", "3s"), Map.entry("CHAT_MQTT_MAXRECONNECTDELAY", "1m"),
				Map.entry("CHAT_MQTT_KEEPALIVE", "20s"), Map.entry("CHAT_MQTT_MAXINFLIGHT", "500"),
				Map.entry("CHAT_MQTT_MAXPAYLOADSIZE", "16KB"), Map.entry("CHAT_ROOMS_TOPICPREFIX", "team/chat"),
				Map.entry("CHAT_ROOMS_IDLENGTH", "32"), Map.entry("CHAT_MESSAGES_MAXTEXTLENGTH", "2000"),
				Map.entry("CHAT_WEB_ALLOWEDORIGINS", "https://a.example,https://b.example"),
				Map.entry("CHAT_WEB_HEARTBEAT", "25s"), Map.entry("CHAT_MQTT_CREDENTIALS_TTL", "2h"),
				Map.entry("CHAT_MQTT_EMBEDDED_ACCESS", "rooms")));

		assertThat(chat.mqtt().url()).isEqualTo("ssl://broker.example:8883");
		assertThat(chat.mqtt().useEmbedded()).isFalse();
		assertThat(chat.mqtt().embedded().host()).isEqualTo("0.0.0.0");
		assertThat(chat.mqtt().embedded().port()).isEqualTo(1884);
		assertThat(chat.mqtt().username()).isEqualTo("gw");
		assertThat(chat.mqtt().password()).isEqualTo("s3cret");
		assertThat(chat.mqtt().clientIdPrefix()).isEqualTo("gw-eu");
		assertThat(chat.mqtt().ssl().bundle()).isEqualTo("broker");
		assertThat(chat.mqtt().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(chat.mqtt().maxReconnectDelay()).isEqualTo(Duration.ofMinutes(1));
		assertThat(chat.mqtt().keepAlive()).isEqualTo(Duration.ofSeconds(20));
		assertThat(chat.mqtt().maxInflight()).isEqualTo(500);
		assertThat(chat.mqtt().maxPayloadSize()).isEqualTo(DataSize.ofKilobytes(16));
		assertThat(chat.rooms().topicPrefix()).isEqualTo("team/chat");
		assertThat(chat.rooms().idLength()).isEqualTo(32);
		assertThat(chat.messages().maxTextLength()).isEqualTo(2000);
		assertThat(chat.web().allowedOrigins()).isEqualTo(List.of("https://a.example", "https://b.example"));
		assertThat(chat.web().heartbeat()).isEqualTo(Duration.ofSeconds(25));
		assertThat(chat.mqtt().credentials().ttl()).isEqualTo(Duration.ofHours(2));
		assertThat(chat.mqtt().embedded().access()).isEqualTo(EmbeddedBroker.Access.ROOMS);
	}

	@Test
	void theEmbeddedBrokerIsOpenOnlyOnLoopbackWithoutSignIn() {
		assertThat(bind(Map.of()).mqtt().embedded().effectiveAccess(false)).isEqualTo(EmbeddedBroker.Access.OPEN);
		assertThat(bind(Map.of()).mqtt().embedded().effectiveAccess(true)).isEqualTo(EmbeddedBroker.Access.ROOMS);
		assertThat(bind(Map.of("CHAT_MQTT_EMBEDDED_HOST", "0.0.0.0")).mqtt().embedded().effectiveAccess(false))
			.isEqualTo(EmbeddedBroker.Access.ROOMS);
		assertThat(bind(Map.of("CHAT_MQTT_EMBEDDED_ACCESS", "open")).mqtt().embedded().effectiveAccess(true))
			.isEqualTo(EmbeddedBroker.Access.OPEN);
		assertThat(bind(Map.of()).mqtt().credentials().ttl()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void passwordNeverAppearsInToString() {
		ChatProperties chat = bind(Map.of("CHAT_MQTT_PASSWORD", "s3cret", "CHAT_MQTT_USERNAME", "gw"));

		assertThat(chat.toString()).doesNotContain("s3cret").contains("password=******");
	}

	private static ChatProperties bind(Map<String, Object> environment) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(
					"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		return new Binder(ConfigurationPropertySources.from(env.getPropertySources())).bindOrCreate("chat",
				ChatProperties.class);
	}

}
