package dev.mqttchat.gateway.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rooms and messages for store tests: rooms as rows, messages through the real
 * {@link MessageStore}.
 */
class StoreFixture {

	private final JdbcClient jdbc;

	private final MessageStore store;

	StoreFixture(JdbcClient jdbc, MessageStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** A new room row, as the registry writes it; returns its id. */
	String room() {
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
		this.jdbc
			.sql("INSERT INTO room (id, visibility, owner_token_hash, created_at) "
					+ "VALUES (:id, 'private', 'hash', :now)")
			.param("id", id)
			.param("now", OffsetDateTime.now())
			.update();
		return id;
	}

	/** A message from the web with id {@code {room}-{n}}. */
	static ChatMessage message(String room, int n) {
		return new ChatMessage(room + "-" + n, room, "ada", null, "message " + n, Instant.now(), MessageSource.WEB);
	}

	/** Stores {@code count} messages in the room; returns them as stored. */
	List<StoredMessage> store(String room, int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((n) -> this.store.store(message(room, n)).orElseThrow())
			.toList();
	}

}
