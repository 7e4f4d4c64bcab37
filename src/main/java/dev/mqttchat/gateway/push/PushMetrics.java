package dev.mqttchat.gateway.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The push counters: {@code chat.push.sent} (accepted by the push service),
 * {@code chat.push.failed} (given up on) and {@code chat.push.removed} (subscriptions the
 * push service said are gone). Made once, so counting costs no lookup.
 */
final class PushMetrics {

	private final Counter sent;

	private final Counter failed;

	private final Counter removed;

	PushMetrics(MeterRegistry meters) {
		this.sent = Counter.builder("chat.push.sent").description("Pushes a push service accepted").register(meters);
		this.failed = Counter.builder("chat.push.failed")
			.description("Pushes given up on: refused by the push service, or still failing after every attempt")
			.register(meters);
		this.removed = Counter.builder("chat.push.removed")
			.description("Push subscriptions removed because their push service said they are gone (404, 410)")
			.register(meters);
	}

	void sent() {
		this.sent.increment();
	}

	void failed() {
		this.failed.increment();
	}

	void removed() {
		this.removed.increment();
	}

}
