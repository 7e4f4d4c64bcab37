package dev.mqttchat.gateway.history;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message store on its own: one number per message and room, each message once, pages
 * without gaps.
 */
@DataJdbcTest
@StoreComponents
@Import({ StoreFixture.class, SimpleMeterRegistry.class })
// Each store() is a transaction of its own, as in production; a test-wide one would hide
// the duplicate's rollback.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class MessageStoreTests {

	@Autowired
	MessageStore store;

	@Autowired
	StoreFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void messagesAreNumberedPerRoomInTheOrderStored() {
		String one = this.fixture.room();
		String two = this.fixture.room();

		List<StoredMessage> inOne = this.fixture.store(one, 3);
		List<StoredMessage> inTwo = this.fixture.store(two, 2);

		assertThat(inOne).extracting(StoredMessage::seq).containsExactly(1L, 2L, 3L);
		assertThat(inTwo).extracting(StoredMessage::seq).containsExactly(1L, 2L);
		assertThat(this.store.find(one, 2)).contains(inOne.get(1));
	}

	@Test
	void aRedeliveredMessageIsStoredOnceAndUsesNoNumber() {
		String room = this.fixture.room();
		this.fixture.store(room, 1);

		assertThat(this.store.store(StoreFixture.message(room, 1))).isEmpty();
		assertThat(this.store.store(StoreFixture.message(room, 2))).hasValueSatisfying(
				(stored) -> assertThat(stored.seq()).as("the duplicate's number was rolled back").isEqualTo(2));
	}

	@Test
	void nothingIsStoredInARoomThatIsGone() {
		String room = this.fixture.room();
		this.jdbc.sql("DELETE FROM room WHERE id = :id").param("id", room).update();

		assertThat(this.store.store(StoreFixture.message(room, 1))).isEmpty();
	}

	@Test
	void pagesGoBackFromTheNewestAndForwardWithoutSkipping() {
		String room = this.fixture.room();
		this.fixture.store(room, 10);

		assertThat(seqs(this.store.page(room, null, null, 3))).containsExactly(8L, 9L, 10L);
		assertThat(seqs(this.store.page(room, 8L, null, 3))).containsExactly(5L, 6L, 7L);
		assertThat(seqs(this.store.page(room, null, 2L, 3))).containsExactly(3L, 4L, 5L);
		assertThat(seqs(this.store.page(room, 6L, 2L, 50))).containsExactly(3L, 4L, 5L);
	}

	private static List<Long> seqs(List<StoredMessage> page) {
		return page.stream().map(StoredMessage::seq).toList();
	}

}
