package dev.mqttchat.gateway.chat;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The chat's message counters: {@code chat.messages} by direction ({@code to_mqtt},
 * {@code to_browsers}) and source, failed publishes, and refused STOMP frames by code.
 * Counters are made once, so counting costs no lookup.
 */
@Component
public class ChatMetrics {

	private final Counter publishedFromWeb;

	private final Map<MessageSource, Counter> delivered = new EnumMap<>(MessageSource.class);

	private final Counter publishFailures;

	private final Counter queued;

	private final MeterRegistry meters;

	ChatMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.publishedFromWeb = messages(meters, "to_mqtt", MessageSource.WEB);
		for (MessageSource source : MessageSource.values()) {
			this.delivered.put(source, messages(meters, "to_browsers", source));
		}
		this.publishFailures = Counter.builder("chat.mqtt.publish.failures")
			.description("Browser messages whose MQTT publish failed (kept in the outbox, or refused if it is full)")
			.register(meters);
		this.queued = Counter.builder("chat.outbox.queued")
			.description("Browser messages kept in the outbox because the broker could not be reached")
			.register(meters);
	}

	private static Counter messages(MeterRegistry meters, String direction, MessageSource source) {
		return Counter.builder("chat.messages")
			.description("Chat messages bridged, by direction and by where they entered the conversation")
			.tag("direction", direction)
			.tag("source", source.name().toLowerCase())
			.register(meters);
	}

	void publishedFromWeb() {
		this.publishedFromWeb.increment();
	}

	void publishFailed() {
		this.publishFailures.increment();
	}

	void queued() {
		this.queued.increment();
	}

	/** Reports the outbox's size as {@code chat.outbox.size}. */
	void outboxSize(LongSupplier size) {
		Gauge.builder("chat.outbox.size", size, (supplier) -> supplier.getAsLong())
			.description("Browser messages waiting in the outbox (all instances), as last counted")
			.register(this.meters);
	}

	/** Counts one refused STOMP frame or SEND, by its error code. */
	public void rejected(String code) {
		Counter.builder("chat.stomp.rejected")
			.description("STOMP frames and SENDs refused, by error code")
			.tag("code", code)
			.register(this.meters)
			.increment();
	}

	void delivered(MessageSource source) {
		this.delivered.get(source).increment();
	}

}
