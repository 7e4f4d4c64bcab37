package dev.mqttchat.gateway.chat;

import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ReactionSettings;

/**
 * Whether one more reaction fits on a message: the same caps where a browser sends it and
 * where the store keeps it, so that no message's reactions grow without bound.
 */
public final class ReactionLimits {

	private ReactionLimits() {
	}

	/**
	 * Why a reaction by {@code who} with {@code emoji} may not be added, or {@code null}
	 * if it may (taking one back always may).
	 * @param now the message's reactions: each emoji's reactors, as names or as the
	 * store's reactor keys (whichever {@code who} is)
	 */
	public static ActionRules.@Nullable Refusal refusal(ReactionSettings limits,
			Map<String, ? extends Collection<String>> now, String emoji, String who) {
		Collection<String> same = now.get(emoji);
		if (same != null && same.contains(who)) {
			// A switch off: it only ever shrinks the reactions.
			return null;
		}
		if (same == null && now.size() >= limits.maxDistinct()) {
			return new ActionRules.Refusal("too-many-emoji", "That message has " + now.size()
					+ " different reactions already, the most it may have; react with one of those.");
		}
		long mine = now.values().stream().filter((reactors) -> reactors.contains(who)).count();
		if (mine >= limits.maxPerPerson()) {
			return new ActionRules.Refusal("too-many-reactions", "You have " + mine
					+ " reactions on that message already, the most one person may have; take one back first.");
		}
		int total = now.values().stream().mapToInt(Collection::size).sum();
		if (total >= limits.maxPerMessage()) {
			return new ActionRules.Refusal("too-many-reactions",
					"That message has " + total + " reactions already, the most it may have.");
		}
		return null;
	}

}
