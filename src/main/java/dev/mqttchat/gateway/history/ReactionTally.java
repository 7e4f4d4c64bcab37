package dev.mqttchat.gateway.history;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ReactionSettings;
import dev.mqttchat.gateway.chat.ActionRules;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.ReactionLimits;

/**
 * The reactions of the messages one batch reacts to, as they stand after its earlier
 * entries: whether the next reaction fits the caps is known before it gets a seq, since
 * the reaction table changes only once the batch is inserted.
 */
final class ReactionTally {

	private final Map<String, Map<String, Set<String>>> byTarget = new HashMap<>();

	private final Function<String, Map<String, Set<String>>> stored;

	private final ReactionSettings limits;

	/**
	 * @param stored a message's reactions as stored: each emoji's reactors
	 */
	ReactionTally(Function<String, Map<String, Set<String>>> stored, ReactionSettings limits) {
		this.stored = stored;
		this.limits = limits;
	}

	/**
	 * Why {@code reaction} may not be stored, or {@code null}: then it is counted as
	 * switched, on or off.
	 */
	ActionRules.@Nullable Refusal toggle(ChatMessage reaction) {
		MessageEnvelope envelope = reaction.envelope();
		String emoji = Objects.requireNonNull(envelope.emoji());
		String reactor = ActionApplier.reactor(envelope, Objects.requireNonNull(reaction.username()));
		Map<String, Set<String>> now = this.byTarget.computeIfAbsent(Objects.requireNonNull(envelope.target()),
				this.stored);
		ActionRules.Refusal refusal = ReactionLimits.refusal(this.limits, now, emoji, reactor);
		if (refusal != null) {
			return refusal;
		}
		Set<String> reactors = now.computeIfAbsent(emoji, (key) -> new LinkedHashSet<>());
		if (!reactors.remove(reactor)) {
			reactors.add(reactor);
		}
		if (reactors.isEmpty()) {
			now.remove(emoji);
		}
		return null;
	}

}
