package dev.mqttchat.gateway.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the fault tests share: gateway settings for quick recovery, and the load's pace.
 */
final class FaultSettings {

	/** Between two messages of one sender: 25 a second. */
	static final Duration PACE = Duration.ofMillis(40);

	private FaultSettings() {
	}

	/** Settings for a gateway on {@code brokerUrl} that recovers within seconds. */
	static String[] with(String brokerUrl, String... more) {
		List<String> settings = new ArrayList<>(
				List.of("chat.mqtt.url=" + brokerUrl, "chat.mqtt.max-reconnect-delay=1s",
						"chat.mqtt.connect-timeout=2s", "chat.outbox.confirm-timeout=2s", "chat.storage.lease-time=2s",
						"chat.web.send-rate=1000", "chat.web.send-burst=1000", "chat.web.send-rate-per-address=1000"));
		settings.addAll(Arrays.asList(more));
		return settings.toArray(String[]::new);
	}

	/** One step of a load. */
	interface Step {

		void run(int n) throws Exception;

	}

	/** One step of a fault. */
	interface Action {

		void run() throws Exception;

	}

	/** Runs {@code step} for 1 to {@code count}, one every {@link #PACE}. */
	static void paced(int count, Step step) {
		for (int n = 1; n <= count; n++) {
			int number = n;
			quietly(() -> step.run(number));
			pause(PACE);
		}
	}

	/** Runs {@code action}, rethrowing what it throws unchecked. */
	static void quietly(Action action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits up to {@code limit} for {@code condition}, without failing: the audit that
	 * follows says what is missing, with its figures.
	 */
	static void awaitAtMost(Duration limit, java.util.concurrent.Callable<Boolean> condition) {
		try {
			org.awaitility.Awaitility.await().atMost(limit).until(condition);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// Reported by the audit's assertion.
		}
	}

	/**
	 * Waits out part of a load's timeline (the load's shape, not a wait for an event).
	 */
	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
