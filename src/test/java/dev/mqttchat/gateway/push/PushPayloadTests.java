package dev.mqttchat.gateway.push;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.Visibility;

import static org.assertj.core.api.Assertions.assertThat;

/** What a notification says: who wrote where, and the text cut to a few lines. */
class PushPayloadTests {

	private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

	@Test
	void anUnnamedRoomsTitleIsTheAuthorAndSomeoneWithoutAName() {
		Room unnamed = new Room("r1", null, NOW, Visibility.PRIVATE, false);

		assertThat(PushPayload.of(message("ada", "hi"), unnamed).title()).isEqualTo("ada");
		assertThat(PushPayload.of(message(null, "hi"), unnamed).title()).isEqualTo("Someone");
	}

	@Test
	void aLongTextIsCutWithoutSplittingACharacter() {
		Room room = new Room("r1", "Design", NOW, Visibility.PRIVATE, false);
		String text = "😀".repeat(300);

		String body = PushPayload.of(message("ada", text), room).body();

		assertThat(body.codePointCount(0, body.length())).isEqualTo(PushPayload.MAX_BODY);
		assertThat(body).endsWith("😀…");
	}

	@Test
	void anEncryptedRoomGivesNoBody() {
		Room sealed = new Room("r1", "Secret", NOW, Visibility.PRIVATE, true);

		assertThat(PushPayload.of(message("ada", ""), sealed).body()).isNull();
	}

	private static StoredMessage message(String username, String text) {
		return new StoredMessage("m1", "r1", username, null, text, NOW, MessageSource.WEB, 7);
	}

}
