package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.SerializedBody;
import dev.mqttchat.gateway.UnicodeText;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.history.Incoming;
import dev.mqttchat.gateway.presence.PresenceEntry;
import dev.mqttchat.gateway.testsupport.HostileInput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the MQTT side's parsers with hostile payloads (invalid UTF-8 and UTF-16, deep
 * nesting, huge numbers, control characters): no exception escapes, and whatever they let
 * through is valid Unicode that can be written to every subscriber. jqwik reports the
 * seed of a failing run.
 */
class HostilePayloadPropertyTests {

	private static final String ROOM = "AbCdEfGhIjKlMnOpQrStUv";

	private static final String[] FIELDS = { "username", "text", "clientId", "clientMsgId", "replyTo", "target",
			"emoji", "author", "sig", "kid", "iv", "ciphertext", "type", "source", "id" };

	private final JsonMapper json = JsonMapper.builder().build();

	private final MqttPayloadCodec payloads = new MqttPayloadCodec(this.json, new SimpleMeterRegistry(),
			MqttPayloadCodecTests.properties());

	private final PresenceCodec presence = new PresenceCodec(this.json, new SimpleMeterRegistry());

	@Provide
	Arbitrary<byte[]> hostile() {
		return Arbitraries.randomValue(HostileInput::payload);
	}

	@Property(tries = 2000)
	void hostilePayloadsAreReadOrDroppedAndWhatPassesCanBeWritten(@ForAll("hostile") byte[] payload) {
		for (boolean encrypted : new boolean[] { false, true }) {
			Incoming incoming = this.payloads.incoming(ROOM, encrypted, payload, true);
			if (incoming != null) {
				ChatMessage message = incoming.message();
				assertThat(message.roomId()).isEqualTo(ROOM);
				assertThat(UnicodeText.isText(message.text())).as("text %s", message.text()).isTrue();
				assertThat(UnicodeText.allWellFormed(message.username(), message.clientId(), message.replyTo(),
						message.envelope().target(), message.envelope().emoji(), message.envelope().clientMsgId()))
					.isTrue();
				// What the broadcaster does with it: no subscriber's frame can fail.
				SerializedBody.of(this.json.writeValueAsString(message));
			}
		}
	}

	@Property(tries = 1000)
	void hostilePresencePayloadsAreReadOrIgnored(@ForAll("hostile") byte[] payload) {
		this.presence.presence(payload)
			.flatMap((entry) -> entry)
			.ifPresent((entry) -> assertThat(UnicodeText.allWellFormed(entry.username(), entry.instance())).isTrue());
		Optional<PresenceEntry> typing = this.presence.typing(payload);
		typing.ifPresent((entry) -> assertThat(UnicodeText.isWellFormed(entry.username())).isTrue());
		this.presence.marker(payload)
			.ifPresent((marker) -> assertThat(UnicodeText.isWellFormed(marker.username())).isTrue());
		this.presence.gateway(payload);
	}

	@Property(tries = 200)
	void aLoneSurrogateInAnyFieldDropsTheMessage(@ForAll @IntRange(max = 14) int field,
			@ForAll @IntRange(max = 2) int where) {
		String surrogate = new String[] { "\\ud800", "x\\udfff", "\\udc00\\ud83d" }[where];
		String payload = "{\"username\":\"ada\",\"text\":\"hello\",\"" + FIELDS[field] + "\":\"" + surrogate + "\"}";

		assertThat(this.payloads.decode(ROOM, payload.getBytes(StandardCharsets.UTF_8))).as(payload).isNull();
	}

}
