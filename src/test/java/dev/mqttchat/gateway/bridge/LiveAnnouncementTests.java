package dev.mqttchat.gateway.bridge;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcements on live topics: what the gateway writes it reads back, and anything else
 * is ignored.
 */
class LiveAnnouncementTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void announcementReadsBackAsWritten() {
		LiveAnnouncement announcement = new LiveAnnouncement(42, "chat-gateway-0123456789ab");

		assertThat(LiveAnnouncement.parse(this.json, announcement.toJson())).contains(announcement);
	}

	@Test
	void announcementWithoutInstanceFromAnEarlierVersionIsRead() {
		assertThat(parse("{\"seq\":7}")).contains(new LiveAnnouncement(7, ""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "hello", "{}", "{\"seq\":0}", "{\"seq\":-3}", "{\"seq\":1.5}", "{\"seq\":\"4\"}",
			"{\"seq\":123456789012345678901234567890}", "[1]", "{\"seq\":1", "\u0000\u0001" })
	void anythingElseOnALiveTopicIsIgnored(String payload) {
		assertThat(parse(payload)).isEmpty();
	}

	private Optional<LiveAnnouncement> parse(String payload) {
		return LiveAnnouncement.parse(this.json, payload.getBytes(StandardCharsets.UTF_8));
	}

}
