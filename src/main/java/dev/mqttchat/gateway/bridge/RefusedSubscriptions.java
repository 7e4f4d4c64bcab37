package dev.mqttchat.gateway.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks what a broker granted in its SUBACK: a refused filter ({@code 0x80}, which a
 * clustered broker answers while one of its nodes is lost) keeps the link not ready and
 * is asked for again, with backoff, until granted; Spring Integration would take it for a
 * subscription.
 */
final class RefusedSubscriptions {

	private static final Logger logger = LoggerFactory.getLogger(RefusedSubscriptions.class);

	/** What a broker answers in a SUBACK for a subscription it refuses. */
	private static final int REFUSED = 0x80;

	private static final long SUBACK_TIMEOUT_MILLIS = 30_000;

	private static final long FIRST_RETRY_DELAY_MILLIS = 1_000;

	private static final long MAX_RETRY_DELAY_MILLIS = 10_000;

	private static final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "mqtt-subscribe-retry");
		thread.setDaemon(true);
		return thread;
	});

	/** Subscribes without any check. */
	interface Subscriber {

		IMqttToken subscribe(String[] topics, int[] qos, IMqttMessageListener[] listeners) throws MqttException;

	}

	private final MqttLink link;

	private final Subscriber subscriber;

	private final BooleanSupplier connected;

	/** Filters refused and asked for again; the link is ready only once none is left. */
	private final Set<String> retrying = ConcurrentHashMap.newKeySet();

	RefusedSubscriptions(MqttLink link, Subscriber subscriber, BooleanSupplier connected) {
		this.link = link;
		this.subscriber = subscriber;
		this.connected = connected;
	}

	/** Waits for the SUBACK of {@code token} and acts on what it refused. */
	void check(IMqttToken token, String[] topics, int[] qos, IMqttMessageListener[] listeners) throws MqttException {
		// Spring Integration waits for the SUBACK right after this anyway.
		token.waitForCompletion(SUBACK_TIMEOUT_MILLIS);
		answered(token.getGrantedQos(), topics, qos, listeners);
	}

	/**
	 * The same checks as {@link #check}, made when the SUBACK arrives instead of waited
	 * for.
	 */
	IMqttActionListener whenAnswered(String[] topics, int[] qos, IMqttMessageListener[] listeners) {
		return new IMqttActionListener() {

			@Override
			public void onSuccess(IMqttToken token) {
				answered(token.getGrantedQos(), topics, qos, listeners);
			}

			@Override
			public void onFailure(IMqttToken token, Throwable exception) {
				logger.debug("Subscribing to {} failed", String.join(", ", topics), exception);
				retryLater(topics, qos, listeners, FIRST_RETRY_DELAY_MILLIS);
			}

		};
	}

	private void answered(int @Nullable [] granted, String[] topics, int[] qos, IMqttMessageListener[] listeners) {
		List<Integer> refused = refused(granted, topics.length);
		if (refused.isEmpty()) {
			grantedIfNoneLeft();
			return;
		}
		this.retrying.addAll(List.of(pick(topics, refused)));
		this.link.refused(String.join(", ", pick(topics, refused)));
		retryLater(pick(topics, refused), pick(qos, refused), pick(listeners, refused), FIRST_RETRY_DELAY_MILLIS);
	}

	private void retryLater(String[] topics, int[] qos, IMqttMessageListener[] listeners, long delayMillis) {
		retries.schedule(() -> retry(topics, qos, listeners, delayMillis), delayMillis, TimeUnit.MILLISECONDS);
	}

	private void retry(String[] asked, int[] askedQos, IMqttMessageListener[] askedListeners, long delayMillis) {
		// Filters unsubscribed meanwhile (a room nobody reads any more) are not asked
		// for.
		List<Integer> still = new ArrayList<>();
		for (int i = 0; i < asked.length; i++) {
			if (this.retrying.contains(asked[i])) {
				still.add(i);
			}
		}
		if (still.isEmpty()) {
			return;
		}
		String[] topics = pick(asked, still);
		int[] qos = pick(askedQos, still);
		IMqttMessageListener[] listeners = pick(askedListeners, still);
		if (!this.connected.getAsBoolean()) {
			// The next connect subscribes again from scratch.
			this.retrying.removeAll(List.of(topics));
			return;
		}
		long next = Math.min(delayMillis * 2, MAX_RETRY_DELAY_MILLIS);
		try {
			IMqttToken token = this.subscriber.subscribe(topics, qos, listeners);
			token.waitForCompletion(SUBACK_TIMEOUT_MILLIS);
			List<Integer> refused = refused(token.getGrantedQos(), topics.length);
			List<String> refusedTopics = List.of(pick(topics, refused));
			for (String topic : topics) {
				if (!refusedTopics.contains(topic)) {
					this.retrying.remove(topic);
				}
			}
			if (refused.isEmpty()) {
				grantedIfNoneLeft();
				return;
			}
			retryLater(pick(topics, refused), pick(qos, refused), pick(listeners, refused), next);
		}
		catch (MqttException | RuntimeException ex) {
			logger.debug("Subscribing to {} again failed", String.join(", ", topics), ex);
			retryLater(topics, qos, listeners, next);
		}
	}

	/** {@code filters} were unsubscribed: they are no longer asked for. */
	void forget(String[] filters) {
		if (this.retrying.removeAll(List.of(filters))) {
			grantedIfNoneLeft();
		}
	}

	private void grantedIfNoneLeft() {
		if (this.retrying.isEmpty()) {
			this.link.granted();
		}
	}

	static List<Integer> refused(int @Nullable [] granted, int filters) {
		List<Integer> refused = new ArrayList<>();
		if (granted == null) {
			return refused;
		}
		for (int i = 0; i < granted.length; i++) {
			if (granted[i] == REFUSED) {
				refused.add(i);
			}
		}
		if (granted.length == 1 && filters > 1 && !refused.isEmpty()) {
			// One code for several filters: all of them refused.
			refused.clear();
			for (int i = 0; i < filters; i++) {
				refused.add(i);
			}
		}
		return refused;
	}

	private static String[] pick(String[] values, List<Integer> indexes) {
		return indexes.stream().map((i) -> values[i]).toArray(String[]::new);
	}

	private static int[] pick(int[] values, List<Integer> indexes) {
		return indexes.stream().mapToInt((i) -> values[i]).toArray();
	}

	private static IMqttMessageListener[] pick(IMqttMessageListener[] values, List<Integer> indexes) {
		return indexes.stream().map((i) -> values[i]).toArray(IMqttMessageListener[]::new);
	}

}
