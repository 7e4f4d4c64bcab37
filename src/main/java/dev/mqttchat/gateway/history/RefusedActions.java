package dev.mqttchat.gateway.history;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.chat.ActionRules;
import dev.mqttchat.gateway.chat.ChatMessage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Counts and logs, in one line each, the actions the store refused: an MQTT client's edit
 * of someone else's message, say, or a reaction to a message deleted meanwhile; and tells
 * them as {@link EntryRefused} events.
 */
@Component
class RefusedActions {

	private static final Logger logger = LoggerFactory.getLogger(RefusedActions.class);

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	RefusedActions(MeterRegistry meters, ApplicationEventPublisher events) {
		this.meters = meters;
		this.events = events;
	}

	void refused(ChatMessage action, ActionRules.Refusal refusal) {
		this.meters.counter("chat.actions.refused", "reason", refusal.code()).increment();
		logger.warn("Refused {} {} on {} in room {}: {}", action.envelope().type().wireName(), action.id(),
				action.envelope().target(), action.roomId(), refusal.text());
		// Its sender hears of it once the batch commits (a batch that rolls back and is
		// stored again refuses it again).
		this.events.publishEvent(new EntryRefused(action, refusal.code(), refusal.text()));
	}

}
