package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Where a stored message stands after the actions on it: for a message, its current
 * state; for a reaction, its target's reactions right after it.
 *
 * @param editedAt when the message was last edited, if ever
 * @param deleted whether it was deleted (its text is gone)
 * @param reactions who reacted with what, each emoji's names in the order they reacted
 * @param stateSeq the seq of the last entry this state includes: a reader applies an
 * action to the message only if the action's seq is greater
 */
public record MessageState(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant editedAt,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deleted,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> reactions,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long stateSeq) {

	/** The state of an entry that no action touched, as of {@code stateSeq}. */
	public static MessageState untouched(@Nullable Long stateSeq) {
		return new MessageState(null, false, Map.of(), stateSeq);
	}

}
