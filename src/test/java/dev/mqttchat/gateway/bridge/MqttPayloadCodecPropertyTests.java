package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.UnicodeText;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.Usernames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MQTT payload parsing, for any bytes: it never throws, never leaves its room, and loses
 * no valid Unicode text.
 */
class MqttPayloadCodecPropertyTests {

	private static final String ROOM = "AbCdEfGhIjKlMnOpQrStUv";

	private final MqttPayloadCodec payloads = new MqttPayloadCodec(JsonMapper.builder().build(),
			new SimpleMeterRegistry(), MqttPayloadCodecTests.properties());

	@Property
	void anyBytesAreDecodedOrDroppedWithoutThrowing(@ForAll @Size(max = 300) byte[] payload) {
		ChatMessage message = this.payloads.decode(ROOM, payload);

		if (message != null) {
			assertThat(message.roomId()).isEqualTo(ROOM);
			assertThat(message.text()).isNotEmpty();
			assertThat(message.id()).isNotBlank();
		}
	}

	@Property
	void anyNonEmptyTextArrives(@ForAll @StringLength(min = 1, max = 4000) String generated) {
		String text = validText(generated);
		ChatMessage message = this.payloads.decode(ROOM, text.getBytes(StandardCharsets.UTF_8));

		assertThat(message).isNotNull();
		assertThat(message.roomId()).isEqualTo(ROOM);
		assertThat(text).endsWith(message.text());
	}

	@Property
	void gatewayJsonRoundTrips(@ForAll @StringLength(min = 1, max = 500) String generated,
			@ForAll @StringLength(min = 1, max = 32) String name) {
		String text = validText(generated);
		String username = Objects.requireNonNullElse(Usernames.normalized(name), "ada");
		ChatMessage sent = new ChatMessage("id-1", ROOM, username, null, text, Instant.EPOCH, MessageSource.WEB);

		assertThat(this.payloads.decode(ROOM, this.payloads.encode(sent))).isEqualTo(sent);
	}

	/**
	 * {@code text} with what the codec refuses as not valid Unicode text (lone
	 * surrogates, U+FFFE, U+FFFF, control characters but tab and line breaks) replaced.
	 */
	static String validText(String text) {
		StringBuilder valid = new StringBuilder();
		text.codePoints()
			.map((c) -> (Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF
					|| (c < ' ' && c != '\t' && c != '\n' && c != '\r')) ? '?' : c)
			.forEach(valid::appendCodePoint);
		assertThat(UnicodeText.isText(valid)).isTrue();
		return valid.toString();
	}

}
