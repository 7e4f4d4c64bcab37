package dev.mqttchat.gateway.room;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.history.MessageStore;
import dev.mqttchat.gateway.history.StoreComponents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rooms as rows: saving one never touches its message counter, which the message store
 * alone owns.
 */
@DataJdbcTest
@StoreComponents
@Import({ JdbcNamingConfig.class, SimpleMeterRegistry.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RoomRepositoryTests {

	@Autowired
	RoomRepository repository;

	@Autowired
	MessageStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcAggregateTemplate aggregates;

	@Test
	void savingARoomKeepsItsMessageCounter() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		RoomRow row = new RoomRow("R".repeat(22), null, "private", "hash", now, false);
		this.aggregates.insert(row);
		for (int i = 1; i <= 3; i++) {
			this.store.store(new ChatMessage("m" + i, row.id(), "ada", null, "hi", now, MessageSource.WEB));
		}

		this.repository.save(new RoomRow(row.id(), "renamed", "public", "hash", now, false));

		assertThat(this.repository.findById(row.id()))
			.hasValueSatisfying((saved) -> assertThat(saved.name()).isEqualTo("renamed"));
		assertThat(this.jdbc.sql("SELECT last_seq FROM room WHERE id = :id")
			.param("id", row.id())
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.store.store(new ChatMessage("m4", row.id(), "ada", null, "hi", now, MessageSource.WEB)))
			.hasValueSatisfying((stored) -> assertThat(stored.seq()).isEqualTo(4));
	}

}
