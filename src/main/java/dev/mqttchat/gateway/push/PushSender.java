package dev.mqttchat.gateway.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Posts encrypted pushes to push services (RFC 8030) with a VAPID {@code Authorization},
 * {@code TTL} and {@code Urgency}, never following a redirect: a gone subscription
 * ({@code 404}, {@code 410}) is removed, a busy or failing push service ({@code 429},
 * {@code 5xx}, no answer) is tried again after a doubling wait or its
 * {@code Retry-After}, up to a bounded number of attempts.
 */
final class PushSender implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(PushSender.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** One push to one subscription, encrypted for it. */
	record Delivery(String subscription, URI endpoint, byte[] body, String urgency) {
	}

	// Bounds the connections and memory a message to many subscribers takes at once.
	private final Semaphore inFlight = new Semaphore(64);

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "push-retry");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final Vapid vapid;

	private final PushSubscriptions subscriptions;

	private final PushMetrics metrics;

	private final Duration ttl;

	private final int maxAttempts;

	private final Duration retryDelay;

	PushSender(Vapid vapid, PushSubscriptions subscriptions, PushMetrics metrics, Duration ttl, int maxAttempts,
			Duration retryDelay) {
		this.vapid = vapid;
		this.subscriptions = subscriptions;
		this.metrics = metrics;
		this.ttl = ttl;
		this.maxAttempts = maxAttempts;
		this.retryDelay = retryDelay;
	}

	/** Sends {@code delivery}, without waiting for the answer. */
	void send(Delivery delivery) throws InterruptedException {
		attempt(delivery, 1);
	}

	private void attempt(Delivery delivery, int attempt) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(delivery.endpoint())
			// h2c would be tried on plain http (a local push service): HTTP/1.1 there.
			.version("http".equals(delivery.endpoint().getScheme()) ? HttpClient.Version.HTTP_1_1
					: HttpClient.Version.HTTP_2)
			.timeout(TIMEOUT)
			.header("TTL", Long.toString(this.ttl.toSeconds()))
			.header("Urgency", delivery.urgency())
			.header("Content-Encoding", "aes128gcm")
			.header("Content-Type", "application/octet-stream")
			.header("Authorization", this.vapid.authorization(delivery.endpoint()))
			.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
			.build();
		this.inFlight.acquire();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
			this.inFlight.release();
			try {
				answered(delivery, attempt, response, error);
			}
			catch (RuntimeException ex) {
				logger.warn("Push to {}: {}", Vapid.origin(delivery.endpoint()), ex.toString());
			}
		});
	}

	private void answered(Delivery delivery, int attempt, @Nullable HttpResponse<Void> response,
			@Nullable Throwable error) {
		String origin = Vapid.origin(delivery.endpoint());
		int status = (response != null) ? response.statusCode() : 0;
		if (response == null || status == 429 || status >= 500) {
			retry(delivery, attempt, (response != null) ? retryAfter(response) : null,
					(response != null) ? "status " + status : String.valueOf(error));
		}
		else if (status >= 200 && status < 300) {
			this.metrics.sent();
		}
		else if (status == 404 || status == 410) {
			try {
				if (this.subscriptions.deleteByHash(delivery.subscription())) {
					this.metrics.removed();
				}
			}
			catch (DataAccessException ex) {
				// Tried again at its next push.
				logger.warn("Push subscription gone at {}, not removed yet: {}", origin, ex.getMessage());
			}
		}
		else {
			// The push service refused this push (401/403: a VAPID key it does not know
			// for this subscription; 413: too large): sending it again would not help.
			this.metrics.failed();
			logger.warn("Push to {} refused with status {}", origin, status);
		}
	}

	private void retry(Delivery delivery, int attempt, @Nullable Duration retryAfter, String why) {
		Duration wait = this.retryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
		if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
			wait = retryAfter;
		}
		if (attempt >= this.maxAttempts || wait.compareTo(this.ttl) > 0 || this.retries.isShutdown()) {
			this.metrics.failed();
			logger.warn("Push to {} given up after {} attempts: {}", Vapid.origin(delivery.endpoint()), attempt, why);
			return;
		}
		logger.debug("Push to {} failed ({}), attempt {} in {}", Vapid.origin(delivery.endpoint()), why, attempt + 1,
				wait);
		this.retries.schedule(() -> {
			try {
				attempt(delivery, attempt + 1);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				this.metrics.failed();
				logger.warn("Push to {} not sent again: {}", Vapid.origin(delivery.endpoint()), ex.toString());
			}
		}, wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The wait a {@code Retry-After} asks for, in seconds or as an HTTP date. */
	static @Nullable Duration retryAfter(HttpResponse<?> response) {
		String value = response.headers().firstValue("Retry-After").orElse(null);
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(ZonedDateTime.now(),
						ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException unparsable) {
				return null;
			}
		}
	}

	@Override
	public void close() {
		this.retries.shutdownNow();
	}

}
