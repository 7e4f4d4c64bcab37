package dev.mqttchat.gateway.bridge;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

/**
 * The bridge's latency, {@code chat.bridge.latency}: from a message's arrival over MQTT
 * to its STOMP send, for messages this instance stored ({@code path=stored}) and those it
 * read after another instance's announcement ({@code path=announced}). A histogram, so
 * percentiles can be computed across instances.
 */
@Component
class BridgeLatency {

	/** Header with {@link System#nanoTime()} when the message arrived from the broker. */
	static final String ARRIVED = "chat_arrivedNanos";

	private final Timer stored;

	private final Timer announced;

	BridgeLatency(MeterRegistry meters) {
		this.stored = timer(meters, "stored");
		this.announced = timer(meters, "announced");
	}

	private static Timer timer(MeterRegistry meters, String path) {
		return Timer.builder("chat.bridge.latency")
			.description("From a message's arrival over MQTT to its STOMP send")
			.tag("path", path)
			.publishPercentileHistogram()
			.register(meters);
	}

	void stored(MessageHeaders headers) {
		record(this.stored, headers);
	}

	/** An announced message was delivered; it arrived at {@code arrivedNanos}. */
	void announced(long arrivedNanos) {
		this.announced.record(System.nanoTime() - arrivedNanos, TimeUnit.NANOSECONDS);
	}

	private static void record(Timer timer, MessageHeaders headers) {
		if (headers.get(ARRIVED) instanceof Long arrived) {
			timer.record(System.nanoTime() - arrived, TimeUnit.NANOSECONDS);
		}
	}

}
