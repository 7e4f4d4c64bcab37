package dev.mqttchat.gateway.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.ReactionSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reaction caps on their own: a new emoji, one person's emoji and a message's
 * reactions in all are bounded; taking a reaction back never is.
 */
class ReactionLimitsTests {

	private static final ReactionSettings LIMITS = new ReactionSettings(2, 2, 4);

	@Test
	void aNewEmojiBeyondTheDistinctCapIsRefusedAndAnExistingOneIsNot() {
		Map<String, List<String>> now = Map.of("👍", List.of("ada"), "🎉", List.of("bob"));

		assertThat(ReactionLimits.refusal(LIMITS, now, "😮", "eve")).extracting(ActionRules.Refusal::code)
			.isEqualTo("too-many-emoji");
		assertThat(ReactionLimits.refusal(LIMITS, now, "👍", "eve")).isNull();
	}

	@Test
	void onePersonsReactionsAndAMessagesAreCappedButTakingOneBackIsNot() {
		Map<String, List<String>> now = new LinkedHashMap<>();
		now.put("👍", List.of("ada", "bob"));
		now.put("🎉", List.of("ada"));

		assertThat(ReactionLimits.refusal(LIMITS, now, "🎉", "ada")).as("ada's 🎉 switched off").isNull();
		assertThat(ReactionLimits.refusal(LIMITS, Map.of("👍", List.of("ada"), "🎉", List.of("ada")), "👍", "eve"))
			.isNull();
		now.put("🎉", List.of("ada", "eve"));
		assertThat(ReactionLimits.refusal(LIMITS, now, "👍", "eve")).as("a fifth reaction on the message")
			.extracting(ActionRules.Refusal::code)
			.isEqualTo("too-many-reactions");
		assertThat(ReactionLimits.refusal(new ReactionSettings(20, 2, 100), now, "😮", "ada"))
			.as("a third emoji of ada's")
			.extracting(ActionRules.Refusal::code)
			.isEqualTo("too-many-reactions");
	}

}
