package dev.mqttchat.gateway.history;

import java.util.Map;
import java.util.Optional;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.ReactionSettings;
import dev.mqttchat.gateway.chat.ActionRules;
import dev.mqttchat.gateway.chat.BotProof;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageEnvelope;
import dev.mqttchat.gateway.chat.MessageType;
import dev.mqttchat.gateway.chat.ModerationProof;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether an entry may be stored, wherever it came from: an action only if the rules let
 * it act on its target as the batch leaves it (a reaction only within the reaction caps);
 * in an end-to-end encrypted room only sealed text, and sealed text nowhere else.
 */
@Component
class EntryGate {

	private final ActionApplier actions;

	private final RefusedActions refused;

	private final ReactionReader reactions;

	private final ReactionSettings limits;

	private final ObjectProvider<ModerationProof> proof;

	private final ObjectProvider<BotProof> botProof;

	EntryGate(ActionApplier actions, RefusedActions refused, ReactionReader reactions, ChatProperties properties,
			ObjectProvider<ModerationProof> proof, ObjectProvider<BotProof> botProof) {
		this.proof = proof;
		this.botProof = botProof;
		this.actions = actions;
		this.refused = refused;
		this.reactions = reactions;
		this.limits = properties.reactions();
	}

	/**
	 * {@code message} as it is kept: its {@code bot} mark only if a gateway vouched for
	 * it (anyone may publish {@code "bot": true} on the broker), without its proof, which
	 * did its work here and is neither kept nor shown.
	 */
	ChatMessage kept(ChatMessage message) {
		boolean bot = message.bot() && this.botProof.stream().anyMatch((proof) -> proof.holds(message));
		return message.withBot(bot).withEnvelope(message.envelope().withoutProof());
	}

	/** A tally of the reactions of room {@code roomId}'s messages, for one batch. */
	ReactionTally tally(String roomId) {
		return new ReactionTally((id) -> this.reactions.reactors(roomId, id), this.limits);
	}

	/**
	 * Whether {@code message} may be stored in its room.
	 * @param encrypted whether the room is end-to-end encrypted
	 * @param targets the targets the batch has seen, as they stand after its earlier
	 * entries; updated with this one
	 * @param tally the reactions of the targets the batch has seen, likewise
	 */
	boolean allows(ChatMessage message, boolean encrypted, Map<String, Optional<ActionRules.TargetState>> targets,
			ReactionTally tally) {
		MessageEnvelope envelope = message.envelope();
		if (envelope.isModeration() && !this.proof.stream().anyMatch((proof) -> proof.holds(message))) {
			// Anyone may publish on the broker: only a gateway that checked the role
			// vouches.
			this.refused.refused(message, new ActionRules.Refusal("unproven-moderation",
					"a moderator's entry without this deployment's proof"));
			return false;
		}
		if (envelope.type() == MessageType.MUTE) {
			return true;
		}
		boolean needsSeal = encrypted && envelope.type() != MessageType.DELETE;
		boolean untagged = envelope.type() == MessageType.REACTION && !MessageEnvelope.isReactionTag(envelope.emoji());
		if (needsSeal != envelope.isSealed() || (encrypted && untagged)) {
			this.refused.refused(message,
					new ActionRules.Refusal(encrypted ? "encrypted-room" : "not-encrypted",
							encrypted ? "only sealed text is kept in an end-to-end encrypted room"
									: "sealed text in a room that is not encrypted"));
			return false;
		}
		if (!envelope.isAction()) {
			targets.put(message.id(),
					Optional.of(new ActionRules.TargetState(MessageType.MESSAGE, envelope.author(), false)));
			return true;
		}
		String target = String.valueOf(envelope.target());
		Optional<ActionRules.TargetState> state = targets.computeIfAbsent(target,
				(id) -> this.actions.target(message.roomId(), id));
		ActionRules.Refusal refusal = ActionRules.refusal(message, state.orElse(null));
		if (refusal == null && envelope.type() == MessageType.REACTION) {
			// Here too, since MQTT clients publish past the checks of a browser's SEND.
			refusal = tally.toggle(message);
		}
		if (refusal != null) {
			this.refused.refused(message, refusal);
			return false;
		}
		if (envelope.type() == MessageType.DELETE) {
			targets.put(target, Optional.of(new ActionRules.TargetState(MessageType.MESSAGE, envelope.author(), true)));
		}
		return true;
	}

}
