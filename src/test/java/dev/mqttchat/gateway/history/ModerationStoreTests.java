package dev.mqttchat.gateway.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.DeploymentSecretConfig;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.chat.MessageType;
import dev.mqttchat.gateway.chat.ModerationProof;
import dev.mqttchat.gateway.chat.MuteUntil;
import dev.mqttchat.gateway.chat.Mutes;
import dev.mqttchat.gateway.chat.StoredMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator's entries in the store: kept only with the deployment's proof (anyone may
 * publish a look-alike on the broker), a moderated delete removes the text as an own
 * delete does, a mute holds in the database until lifted, and the proof is never kept.
 */
@DataJdbcTest
@StoreComponents
@Import({ StoreFixture.class, SimpleMeterRegistry.class, ModerationProof.class, DeploymentSecretConfig.class,
		Mutes.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ModerationStoreTests {

	@Autowired
	MessageStore store;

	@Autowired
	StoreFixture fixture;

	@Autowired
	ModerationProof proof;

	@Autowired
	Mutes mutes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aModeratedDeleteWithoutTheProofIsNotKept() {
		String room = this.fixture.room();
		StoredMessage target = this.fixture.store(room, 1).get(0);
		ChatMessage forged = entry(room, "forged", MessageType.DELETE, target.id(), null);

		assertThat(this.store.store(forged
			.withEnvelope(MessageEnvelope.moderation(MessageType.DELETE, target.id(), null, null, "0".repeat(64)))))
			.isEmpty();
		assertThat(this.store.store(forged)).isEmpty();
		assertThat(this.store.findById(room, target.id()).orElseThrow().text()).isEqualTo("message 1");
	}

	@Test
	void aProvenModeratedDeleteRemovesTheTextAndKeepsNoProof() {
		String room = this.fixture.room();
		StoredMessage target = this.fixture.store(room, 1).get(0);

		StoredMessage removal = this.store.store(proven(entry(room, "removal", MessageType.DELETE, target.id(), null)))
			.orElseThrow();

		assertThat(removal.envelope().moderated()).isTrue();
		assertThat(removal.envelope().proof()).isNull();
		assertThat(this.store.findById(room, target.id()).orElseThrow().state().deleted()).isTrue();
		assertThat(this.jdbc.sql("SELECT text FROM message WHERE room_id = :room AND id = :id")
			.param("room", room)
			.param("id", target.id())
			.query(String.class)
			.single()).isEmpty();
		assertThat(this.store.findById(room, "removal").orElseThrow().envelope()).isEqualTo(removal.envelope());
	}

	@Test
	void aProvenMuteHoldsUntilLifted() {
		String room = this.fixture.room();
		Instant until = Instant.now().plusSeconds(300).truncatedTo(ChronoUnit.MILLIS);

		StoredMessage mute = this.store.store(proven(entry(room, "mute-1", MessageType.MUTE, "bob", until)))
			.orElseThrow();
		assertThat(this.mutes.until(room, "bob")).contains(until);
		assertThat(this.store.findById(room, "mute-1").orElseThrow().envelope().until())
			.isEqualTo(new MuteUntil(until));
		this.store.store(proven(entry(room, "mute-2", MessageType.MUTE, "bob", null)));

		assertThat(mute.envelope().until()).isEqualTo(new MuteUntil(until));
		assertThat(this.mutes.until(room, "bob")).isEmpty();
		assertThat(this.store.findById(room, "mute-2").orElseThrow().envelope().until()).isEqualTo(new MuteUntil(null));
		assertThat(this.store.store(entry(room, "mute-3", MessageType.MUTE, "carol", until))).isEmpty();
		assertThat(this.mutes.until(room, "carol")).isEmpty();
	}

	private ChatMessage proven(ChatMessage entry) {
		MessageEnvelope envelope = entry.envelope();
		return entry.withEnvelope(MessageEnvelope.moderation(envelope.type(), String.valueOf(envelope.target()), null,
				envelope.until(), this.proof.of(entry)));
	}

	private static ChatMessage entry(String room, String id, MessageType type, String target, @Nullable Instant until) {
		return new ChatMessage(id, room, "alice", null, "", Instant.now(), MessageSource.WEB, null, MessageEnvelope
			.moderation(type, target, null, (type == MessageType.MUTE) ? new MuteUntil(until) : null, null));
	}

}
