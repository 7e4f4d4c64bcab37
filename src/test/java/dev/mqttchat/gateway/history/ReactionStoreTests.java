package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.MessageType;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactions as the store keeps them: each entry with only its own change, and the caps
 * checked within one batch as its earlier entries leave the target, before any seq is
 * taken.
 */
@DataJdbcTest(properties = "chat.reactions.max-per-person=2")
@StoreComponents
@Import({ StoreFixture.class, SimpleMeterRegistry.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ReactionStoreTests {

	@Autowired
	MessageStore store;

	@Autowired
	StoreFixture fixture;

	@Test
	void oneBatchKeepsOnlyTheReactionsWithinTheCapsAndEachSaysWhatItChanged() {
		String room = this.fixture.room();
		ChatMessage message = StoreFixture.message(room, 1);
		List<Incoming> batch = List.of(new Incoming(message, false), reaction(room, 1, "👍"), reaction(room, 2, "🎉"),
				reaction(room, 3, "😮"), reaction(room, 4, "👍"), reaction(room, 5, "😮"));

		List<StoredMessage> stored = this.store.storeAll(batch, null, Duration.ZERO);

		assertThat(stored).extracting(StoredMessage::id)
			.as("the third emoji of one person is refused; after taking one back it fits")
			.containsExactly(message.id(), "r-1", "r-2", "r-4", "r-5");
		assertThat(stored).extracting(StoredMessage::seq)
			.as("no gap where the refused one was")
			.containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(stored.subList(1, 5)).extracting((entry) -> entry.state().added())
			.containsExactly(true, true, false, true);
		assertThat(stored.subList(1, 5)).allSatisfy((entry) -> assertThat(entry.state().reactions()).isEmpty());
		assertThat(this.store.find(room, 4))
			.hasValueSatisfying((entry) -> assertThat(entry.state().added()).as("read back as stored").isFalse());
		assertThat(this.store.findById(room, message.id()))
			.hasValueSatisfying((target) -> assertThat(target.state().reactions())
				.isEqualTo(Map.of("🎉", List.of("ada"), "😮", List.of("ada"))));
	}

	private static Incoming reaction(String room, int n, String emoji) {
		return new Incoming(new ChatMessage("r-" + n, room, "ada", null, "", Instant.now(), MessageSource.WEB, null,
				new MessageEnvelope(MessageType.REACTION, room + "-1", emoji, null, null, null)), false);
	}

}
