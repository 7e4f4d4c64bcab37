package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway makes of each kind of payload found on a room's topic. */
class MqttPayloadCodecTests {

	private static final String ROOM = "AbCdEfGhIjKlMnOpQrStUv";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final MqttPayloadCodec payloads = new MqttPayloadCodec(JsonMapper.builder().build(), this.meters,
			properties());

	@Test
	void gatewayJsonRoundTripsUnchanged() {
		ChatMessage sent = new ChatMessage("id-1", ROOM, "ada", "tab-1", "hello", Instant.parse("2026-01-02T03:04:05Z"),
				MessageSource.WEB);

		assertThat(this.payloads.decode(ROOM, this.payloads.encode(sent))).isEqualTo(sent);
	}

	@Test
	void referenceClientFormKeepsUsernameAndClientId() {
		ChatMessage message = decode("Vaishnavi Sharma (c-7): meet at 10: room (B)");

		assertThat(message.username()).isEqualTo("Vaishnavi Sharma");
		assertThat(message.clientId()).isEqualTo("c-7");
		assertThat(message.text()).isEqualTo("meet at 10: room (B)");
		assertThat(message.source()).isEqualTo(MessageSource.MQTT);
		assertThat(decode("temperature (sensor): 21.5").username()).isEqualTo("temperature");
	}

	@Test
	void otherTextArrivesAsIsWithoutUsername() {
		assertThat(decode("  just words\nover lines ").text()).isEqualTo("  just words\nover lines ");
		assertThat(decode("  just words\nover lines ").username()).isNull();
		assertThat(decode("x".repeat(40) + " (c): hi").username()).as("username over 32 characters").isNull();
	}

	@Test
	void jsonFromOtherClientsIsMarkedMqtt() {
		ChatMessage message = decode("{\"username\":\"bot\",\"text\":\"hi\",\"extra\":[1,2]}");

		assertThat(message.username()).isEqualTo("bot");
		assertThat(message.text()).isEqualTo("hi");
		assertThat(message.source()).isEqualTo(MessageSource.MQTT);
		assertThat(message.id()).isNotBlank();
	}

	@Test
	void roomIdComesFromTheTopicNeverFromThePayload() {
		assertThat(decode("{\"roomId\":\"OtherRoom\",\"text\":\"hi\"}").roomId()).isEqualTo(ROOM);
	}

	@Test
	void jsonWithWrongTypesIsShownAsText() {
		String payload = "{\"username\":42,\"text\":{\"nested\":true}}";

		ChatMessage message = decode(payload);

		assertThat(message.text()).isEqualTo(payload);
		assertThat(message.username()).isNull();
		assertThat(decode("{\"username\":[\"x\"],\"text\":\"ok\",\"sentAt\":\"yesterday\",\"id\":\"bad id!\"}"))
			.satisfies((decoded) -> {
				assertThat(decoded.username()).isNull();
				assertThat(decoded.text()).isEqualTo("ok");
				assertThat(decoded.id()).isNotEqualTo("bad id!");
			});
		assertThat(decode("{broken").text()).isEqualTo("{broken");
	}

	@Test
	void invalidUtf8IsDroppedAndCounted() {
		assertThat(this.payloads.decode(ROOM, new byte[] { 'h', (byte) 0xff, (byte) 0xfe })).isNull();
		assertThat(dropped("not-utf8")).isEqualTo(1);
	}

	@Test
	void oversizedPayloadIsDroppedAndCounted() {
		assertThat(this.payloads.decode(ROOM, new byte[64 * 1024 + 1])).isNull();
		assertThat(this.payloads.decode(ROOM, "y".repeat(4001).getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(dropped("too-large")).isEqualTo(1);
		assertThat(dropped("text-too-long")).isEqualTo(1);
	}

	@Test
	void aNameIsKeptInItsNfkcFormAndOneThatWouldPassForAnotherIsDroppedAndCounted() {
		assertThat(decode("{\"username\":\"\uff41\uff44\uff41\",\"text\":\"hi\"}").username()).isEqualTo("ada");
		assertThat(decode("\uff41\uff44\uff41 (c): hi").username()).isEqualTo("ada");
		for (String name : new String[] { "ad\u200ba", "\u202enimda", "ada\u2067" }) {
			assertThat(this.payloads.decode(ROOM,
					("{\"username\":\"" + name + "\",\"text\":\"hi\"}").getBytes(StandardCharsets.UTF_8)))
				.isNull();
		}
		assertThat(dropped("deceptive-username")).isEqualTo(3);
		assertThat(decode("ad\u200ba (c): hi").username()).as("the text form: shown as text from nobody").isNull();
	}

	@Test
	void emptyPayloadIsDropped() {
		assertThat(this.payloads.decode(ROOM, new byte[0])).isNull();
		assertThat(dropped("empty")).isEqualTo(1);
	}

	private ChatMessage decode(String text) {
		ChatMessage message = this.payloads.decode(ROOM, text.getBytes(StandardCharsets.UTF_8));
		assertThat(message).as("decoded %s", text).isNotNull();
		return message;
	}

	private double dropped(String reason) {
		return this.meters.counter("chat.mqtt.payloads.dropped", "reason", reason).count();
	}

	static ChatProperties properties() {
		return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("chat", ChatProperties.class);
	}

}
