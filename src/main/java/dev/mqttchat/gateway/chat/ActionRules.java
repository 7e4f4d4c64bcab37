package dev.mqttchat.gateway.chat;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Whether an edit, delete or reaction may act on its target: the same rules where a
 * browser sends it and where the store keeps it, whoever sent it.
 */
public final class ActionRules {

	/** Why an action was refused. */
	public record Refusal(String code, String text) {
	}

	private ActionRules() {
	}

	/**
	 * Why {@code action} may not act on {@code target}, or {@code null} if it may.
	 * @param action an edit, delete or reaction whose signature (if any) holds
	 * @param target the message its {@code target} names, as stored now, if any
	 */
	public static @Nullable Refusal refusal(ChatMessage action, @Nullable TargetState target) {
		MessageEnvelope envelope = action.envelope();
		if (target == null || target.type() != MessageType.MESSAGE) {
			return new Refusal("unknown-target", "This room has no message " + envelope.target() + " to act on.");
		}
		if (target.deleted()) {
			return new Refusal("target-deleted", "That message was deleted.");
		}
		if (envelope.type() == MessageType.REACTION || Boolean.TRUE.equals(envelope.moderated())) {
			// A moderator's delete needs no author key: its proof says a moderator sent
			// it.
			return null;
		}
		if (target.author() == null) {
			return new Refusal("not-your-message",
					"That message was sent without an author key, so no one can edit or delete it.");
		}
		if (!envelope.isSigned() || !Objects.equals(target.author(), envelope.author())) {
			return new Refusal("not-your-message",
					"Only the author of a message can edit or delete it: it was signed with another key.");
		}
		return null;
	}

	/**
	 * What the rules need to know of a target.
	 *
	 * @param type whether it is a message or an action
	 * @param author the key that signed it, if any
	 * @param deleted whether it was deleted
	 */
	public record TargetState(MessageType type, @Nullable String author, boolean deleted) {

		/** The state of a stored message. */
		public static TargetState of(StoredMessage message) {
			return new TargetState(message.envelope().type(), message.envelope().author(), message.state().deleted());
		}

	}

}
