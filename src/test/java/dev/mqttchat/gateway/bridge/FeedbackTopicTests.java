package dev.mqttchat.gateway.bridge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sender's client id becomes a level of its feedback topic only when it can be one:
 * hostile ids go to the shared {@code _} level instead of reaching the broker as a
 * wildcard, another level or an unencodable topic.
 */
class FeedbackTopicTests {

	@Test
	void hostileClientIdsNeverBecomeATopicLevel() {
		assertThat(new String[] { "+", "#", "a/b", "../x", "eve\u0000", "eve\n", "\ud800", "x\udc00y", "a".repeat(65),
				"" })
			.noneMatch(RoomTopics::isTopicLevel);
		assertThat(RoomTopics.isTopicLevel(null)).isFalse();
	}

	@Test
	void ordinaryClientIdsAreTheirOwnLevel() {
		assertThat(new String[] { "eve-1", "term_2", "ada.laptop", "🙂", "a".repeat(64) })
			.allMatch(RoomTopics::isTopicLevel);
	}

}
