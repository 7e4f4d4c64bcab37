package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.room.JdbcNamingConfig;
import dev.mqttchat.gateway.room.RoomRegistry;
import dev.mqttchat.gateway.room.Visibility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Threads in the store and the API (the same context as {@link HistoryControllerTests}):
 * the thread each reply joins, reply counts on roots in history, a thread paged by
 * {@code after}, and a {@code 404} problem for what starts no thread.
 */
@WebMvcTest({ HistoryController.class, ThreadController.class })
@StoreComponents
@Import({ HistoryAround.class, RoomRegistry.class, JdbcNamingConfig.class, SimpleMeterRegistry.class })
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
		FlywayAutoConfiguration.class, DataJdbcRepositoriesAutoConfiguration.class })
@EnableConfigurationProperties(ChatProperties.class)
class ThreadControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RoomRegistry rooms;

	@Autowired
	MessageStore store;

	@Test
	void aReplyJoinsItsParentsThreadAndAWrongOrStrayThreadIdIsCorrected() {
		String room = room();
		store(room, "root", null, null);
		store(room, "r1", "root", null);
		store(room, "r2", "r1", "made-up");
		store(room, "stray", null, "root");
		store(room, "lost", "not-in-room", "root");

		assertThat(this.store.page(room, null, null, 10)).extracting(StoredMessage::id, StoredMessage::threadId)
			.containsExactly(tuple("root", null), tuple("r1", "root"), tuple("r2", "root"), tuple("stray", null),
					tuple("lost", null));
	}

	@Test
	void aReplyToAMessageStoredEarlierInTheSameBatchJoinsItsThread() {
		String room = room();
		store(room, "root", null, null);

		List<StoredMessage> stored = this.store.storeAll(List.of(incoming(room, "a", "root", null),
				incoming(room, "b", "a", null), incoming(room, "c", "b", "c")), null, Duration.ZERO);

		assertThat(stored).extracting(StoredMessage::threadId).containsExactly("root", "root", "root");
	}

	@Test
	void historyShowsOnEachRootHowManyRepliesItHasAndWhenTheLastCame() {
		String room = room();
		store(room, "root", null, null);
		store(room, "quiet", null, null);
		store(room, "r1", "root", null);
		store(room, "r2", "r1", null);

		assertThat(this.mvc.get().uri("/api/rooms/{id}/messages", room)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"[{\"id\":\"root\",\"replies\":2},{\"id\":\"quiet\"},{\"id\":\"r1\",\"threadId\":\"root\"},"
							+ "{\"id\":\"r2\",\"replyTo\":\"r1\",\"threadId\":\"root\"}]");
		assertThat(this.mvc.get().uri("/api/rooms/{id}/messages", room)).bodyJson()
			.doesNotHavePath("$[1].replies")
			.doesNotHavePath("$[2].replies")
			.extractingPath("$[0].lastReplyAt")
			.isEqualTo(this.store.page(room, null, null, 10).get(3).sentAt().toString());
	}

	@Test
	void aThreadIsItsRootAndRepliesInSeqOrderPagedByAfter() {
		String room = room();
		store(room, "root", null, null);
		store(room, "r1", "root", null);
		store(room, "elsewhere", null, null);
		store(room, "r2", "root", null);
		store(room, "r3", "r1", null);

		assertThat(this.mvc.get().uri("/api/rooms/{id}/threads/root?limit=2", room)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo("[{\"id\":\"root\",\"seq\":1,\"replies\":3},{\"id\":\"r1\",\"seq\":2}]");
		assertThat(this.mvc.get().uri("/api/rooms/{id}/threads/root?limit=2&after=2", room)).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.isEqualTo(List.of("r2", "r3"));
		assertThat(this.mvc.get().uri("/api/rooms/{id}/threads/root?after=5", room)).bodyJson().isEqualTo("[]");
	}

	@Test
	void whatStartsNoThreadInTheRoomIsAProblem404() {
		String room = room();
		String other = room();
		store(room, "root", null, null);
		store(room, "r1", "root", null);
		store(other, "theirs", null, null);

		for (String id : List.of("nothing", "r1", "theirs")) {
			assertThat(this.mvc.get().uri("/api/rooms/{id}/threads/{root}", room, id)).hasStatus(HttpStatus.NOT_FOUND)
				.hasContentType("application/problem+json")
				.bodyJson()
				.extractingPath("$.title")
				.isEqualTo("Thread not found");
		}
		assertThat(this.mvc.get().uri("/api/rooms/{id}/threads/root?limit=0", room)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	private String room() {
		return this.rooms.create(null, Visibility.PRIVATE).room().id();
	}

	private void store(String room, String id, String replyTo, String threadId) {
		this.store.storeAll(List.of(incoming(room, id, replyTo, threadId)), null, Duration.ZERO);
	}

	private static Incoming incoming(String room, String id, String replyTo, String threadId) {
		return new Incoming(new ChatMessage(id, room, "ada", null, "say " + id, Instant.now(), MessageSource.MQTT,
				replyTo, List.of(), MessageEnvelope.PLAIN, threadId), false);
	}

}
