package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.presence.PresenceEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a plain MQTT client may publish on the presence, typing and read topics, and what
 * the gateway makes of it: lenient about form, strict about names and size.
 */
class PresenceCodecTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PresenceCodec codec = new PresenceCodec(JsonMapper.builder().build(), this.meters);

	@Test
	void onlineAnnouncementOfAnMqttClientIsAnEntryFromMqtt() {
		PresenceEntry entry = this.codec.presence(bytes("{\"username\":\" eve \",\"status\":\"online\",\"x\":1}"))
			.orElseThrow()
			.orElseThrow();

		assertThat(entry.username()).isEqualTo("eve");
		assertThat(entry.source()).isEqualTo(PresenceEntry.MQTT);
		assertThat(entry.instance()).isNull();
	}

	@Test
	void namesAreKeptInNfkcFormAndOnesThatWouldPassForOthersAreDroppedAndCounted() {
		assertThat(this.codec.typing(bytes("{\"username\":\"\uff41\uff44\uff41\"}")))
			.hasValueSatisfying((who) -> assertThat(who.username()).isEqualTo("ada"));
		assertThat(this.codec.presence(bytes("{\"username\":\"ad\u200ba\",\"status\":\"online\"}"))).isEmpty();
		assertThat(this.codec.typing(bytes("{\"username\":\"\u202enimda\"}"))).isEmpty();
		assertThat(this.codec.marker(bytes("{\"username\":\"ada\u2066\",\"seq\":3}"))).isEmpty();
		assertThat(this.meters.counter("chat.mqtt.payloads.dropped", "reason", "deceptive-username").count())
			.isEqualTo(3);
	}

	@Test
	void willAndEmptyRetainedMessageBothMeanGone() {
		assertThat(this.codec.presence(bytes("{\"status\":\"offline\"}")))
			.hasValueSatisfying((entry) -> assertThat(entry).isEmpty());
		assertThat(this.codec.presence(new byte[0])).hasValueSatisfying((entry) -> assertThat(entry).isEmpty());
	}

	@Test
	void aClientCannotPassItselfOffAsAWebUserWithoutAnInstance() {
		PresenceEntry entry = this.codec
			.presence(bytes("{\"username\":\"eve\",\"status\":\"online\",\"source\":\"web\"}"))
			.orElseThrow()
			.orElseThrow();

		assertThat(entry.source()).isEqualTo(PresenceEntry.MQTT);
	}

	@Test
	void invalidNamesOversizedPayloadsAndOtherTextAreIgnored() {
		assertThat(this.codec.presence(bytes("{\"username\":\"   \",\"status\":\"online\"}"))).isEmpty();
		assertThat(this.codec.presence(bytes("{\"username\":\"" + "x".repeat(33) + "\",\"status\":\"online\"}")))
			.isEmpty();
		assertThat(this.codec.presence(bytes("{\"username\":\"a\\u0007b\",\"status\":\"online\"}"))).isEmpty();
		assertThat(this.codec.presence(bytes("{\"username\":\"eve\",\"status\":\"away\"}"))).isEmpty();
		assertThat(this.codec.presence(bytes("eve is here"))).isEmpty();
		String padded = "{\"username\":\"eve\",\"status\":\"online\",\"pad\":\"" + "x".repeat(2100) + "\"}";
		assertThat(this.codec.presence(bytes(padded))).isEmpty();
		assertThat(this.codec.typing(bytes(padded.replace("\"status\":\"online\",", "")))).isEmpty();
	}

	@Test
	void readMarkersNeedAPositiveSeq() {
		assertThat(this.codec.marker(bytes("{\"username\":\"eve\",\"seq\":42}")))
			.hasValue(new PresenceCodec.Marker("eve", PresenceEntry.MQTT, 42));
		assertThat(this.codec.marker(bytes("{\"username\":\"eve\",\"seq\":0}"))).isEmpty();
		assertThat(this.codec.marker(bytes("{\"username\":\"eve\",\"seq\":\"42\"}"))).isEmpty();
		assertThat(this.codec.marker(bytes("{\"seq\":42}"))).isEmpty();
	}

	@Test
	void aClaimedSinceInTheFutureIsNow() {
		Instant before = Instant.now();
		PresenceEntry entry = this.codec
			.presence(bytes("{\"username\":\"eve\",\"status\":\"online\",\"since\":\"2999-01-01T00:00:00Z\"}"))
			.orElseThrow()
			.orElseThrow();

		assertThat(entry.since()).isBetween(before, Instant.now());
	}

	@Test
	void aGatewaysWebEntryCarriesItsAuthorKeyBothWaysAndAnMqttClientsClaimIsDropped() {
		String author = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
		byte[] online = this.codec.online("alice", Instant.parse("2026-12-06T15:40:02.100Z"), "vm-18080", author);
		assertThat(new String(online, StandardCharsets.UTF_8))
			.isEqualTo("{\"username\":\"alice\",\"status\":\"online\","
					+ "\"source\":\"web\",\"since\":\"2026-12-06T15:40:02.100Z\",\"instance\":\"vm-18080\",\"author\":\""
					+ author + "\"}");
		assertThat(this.codec.presence(online).orElseThrow().orElseThrow().author()).isEqualTo(author);
		assertThat(new String(this.codec.offline("alice", "vm-18080", null), StandardCharsets.UTF_8))
			.as("without a key, as before")
			.doesNotContain("author");
		PresenceEntry claimed = this.codec
			.presence(bytes("{\"username\":\"eve\",\"status\":\"online\",\"author\":\"" + author + "\"}"))
			.orElseThrow()
			.orElseThrow();
		assertThat(claimed.author()).isNull();
		PresenceEntry padded = this.codec
			.presence(bytes("{\"username\":\"eve\",\"status\":\"online\",\"source\":\"web\",\"instance\":\"x\","
					+ "\"author\":\"" + author + "=\"}"))
			.orElseThrow()
			.orElseThrow();
		assertThat(padded.author()).isNull();
	}

	@Test
	void aWebUsersPresenceTopicKeyCoversTheirProvenKey() {
		assertThat(PresenceTopics.webPresenceKey("ada", null, "vm-18080")).isEqualTo("web-fdee430d40bd57de-vm-18080");
		assertThat(PresenceTopics.webPresenceKey("alice", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "vm-18080"))
			.isEqualTo("web-bb773e18e7f1f2bb-vm-18080");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
