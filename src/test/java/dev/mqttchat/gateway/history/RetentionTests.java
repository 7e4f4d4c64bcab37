package dev.mqttchat.gateway.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention removes messages past the age limit and each room's surplus over its maximum, and nothing else. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "chat.mqtt.url=", "chat.mqtt.embedded.port=0", "chat.storage.max-messages-per-room=5",
		"chat.storage.max-age=7d", "chat.rooms.topic-prefix=test/retention/rooms" })
class RetentionTests {

	@Autowired
	RoomRegistry rooms;

	@Autowired
	MessageStore store;

	@Autowired
	RetentionConfig retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void removesWhatIsTooOldOrTooManyAndKeepsTheRest() {
		Room busy = this.rooms.create(null);
		Room aged = this.rooms.create(null);
		Room quiet = this.rooms.create(null);
		storeMessages(busy, 8);
		storeMessages(aged, 4);
		storeMessages(quiet, 3);
		this.jdbc.sql("UPDATE message SET stored_at = :old WHERE room_id = :room AND seq <= 2")
			.param("old", OffsetDateTime.now().minusDays(8))
			.param("room", aged.id())
			.update();

		this.retention.enforce();

		assertThat(seqs(busy)).containsExactly(4L, 5L, 6L, 7L, 8L);
		assertThat(seqs(aged)).containsExactly(3L, 4L);
		assertThat(seqs(quiet)).containsExactly(1L, 2L, 3L);
	}

	private void storeMessages(Room room, int count) {
		for (int i = 1; i <= count; i++) {
			this.store.store(new ChatMessage(room.id() + "-" + i, room.id(), "ada", null, "message " + i,
					Instant.now(), MessageSource.WEB));
		}
	}

	private List<Long> seqs(Room room) {
		return this.store.page(room.id(), null, null, 200).stream().map(StoredMessage::seq).toList();
	}

}
