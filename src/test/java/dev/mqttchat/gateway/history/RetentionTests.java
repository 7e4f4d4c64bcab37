package dev.mqttchat.gateway.history;

import java.time.OffsetDateTime;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention removes messages past the age limit and each room's surplus over its maximum,
 * and nothing else.
 */
@DataJdbcTest(properties = { "chat.storage.max-messages-per-room=5", "chat.storage.max-age=7d" })
@StoreComponents
@Import({ RetentionConfig.class, StoreFixture.class, SimpleMeterRegistry.class })
@EnableConfigurationProperties(ChatProperties.class)
class RetentionTests {

	@Autowired
	StoreFixture fixture;

	@Autowired
	MessageStore store;

	@Autowired
	RetentionConfig retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void removesWhatIsTooOldOrTooManyAndKeepsTheRest() {
		String busy = this.fixture.room();
		String aged = this.fixture.room();
		String quiet = this.fixture.room();
		this.fixture.store(busy, 8);
		this.fixture.store(aged, 4);
		this.fixture.store(quiet, 3);
		this.jdbc.sql("UPDATE message SET stored_at = :old WHERE room_id = :room AND seq <= 2")
			.param("old", OffsetDateTime.now().minusDays(8))
			.param("room", aged)
			.update();

		this.retention.enforce();

		assertThat(seqs(busy)).containsExactly(4L, 5L, 6L, 7L, 8L);
		assertThat(seqs(aged)).containsExactly(3L, 4L);
		assertThat(seqs(quiet)).containsExactly(1L, 2L, 3L);
	}

	private List<Long> seqs(String room) {
		return this.store.page(room, null, null, 200).stream().map(StoredMessage::seq).toList();
	}

}
