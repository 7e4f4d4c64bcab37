package dev.mqttchat.gateway.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Where a stored entry stands after the actions on it: for a message, its current state;
 * for a reaction, only what it changed ({@code added}), never its target's whole
 * reactions, so each reaction entry stays the same small size however many came before.
 *
 * @param editedAt when the message was last edited, if ever
 * @param deleted whether it was deleted (its text is gone)
 * @param reactions who reacted to the message with what, each emoji's names in the order
 * they reacted; empty on every action
 * @param stateSeq the seq of the last entry this state includes: a reader applies an
 * action to the message only if the action's seq is greater
 * @param added on a reaction entry, whether it added its sender's {@code username} under
 * its {@code emoji} ({@code true}) or took that reaction back ({@code false}); absent on
 * anything else
 * @param lastEdit on an edited message that is not deleted, the edit its text is from
 */
public record MessageState(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant editedAt,
		@JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deleted,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> reactions,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long stateSeq,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean added,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LastEdit lastEdit) {

	/** The state of an entry, without an edit named. */
	public MessageState(@Nullable Instant editedAt, boolean deleted, Map<String, List<String>> reactions,
			@Nullable Long stateSeq, @Nullable Boolean added) {
		this(editedAt, deleted, reactions, stateSeq, added, null);
	}

	/** The state of a message, or of an action other than a reaction. */
	public MessageState(@Nullable Instant editedAt, boolean deleted, Map<String, List<String>> reactions,
			@Nullable Long stateSeq) {
		this(editedAt, deleted, reactions, stateSeq, null);
	}

	/** This state with its text from {@code edit}. */
	public MessageState withLastEdit(@Nullable LastEdit edit) {
		return new MessageState(this.editedAt, this.deleted, this.reactions, this.stateSeq, this.added, edit);
	}

	/** The state of an entry that no action touched, as of {@code stateSeq}. */
	public static MessageState untouched(@Nullable Long stateSeq) {
		return new MessageState(null, false, Map.of(), stateSeq);
	}

	/** The state of a reaction entry that {@code added} its reaction, or took it back. */
	public static MessageState reaction(boolean added) {
		return new MessageState(null, false, Map.of(), null, added);
	}

}
