package dev.mqttchat.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP clients all subscribers share: a few selector threads and a small executor, however many
 * WebSockets are open, so the load tool itself never runs a thread per connection.
 */
final class Clients implements AutoCloseable {

	private final Target target;

	private final List<HttpClient> http = new ArrayList<>();

	private final ExecutorService executor;

	private final int concurrency;

	Clients(Target target, int httpClients, int threads, int concurrency) {
		this.target = target;
		this.concurrency = concurrency;
		AtomicInteger count = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(Math.max(1, threads), (task) -> {
			Thread thread = new Thread(task, "bench-ws-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < httpClients; i++) {
			HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
			// threads == 0 runs callbacks on the clients' selector threads: no hand-off per message.
			builder.executor((threads > 0) ? this.executor : Runnable::run);
			this.http.add(builder.build());
		}
	}

	/** A subscriber of {@code room} reporting to {@code group}, not yet connected. */
	Subscriber subscriber(Room room, Group group, boolean stallable) {
		return subscriber(room, group, stallable, null);
	}

	/**
	 * A subscriber as above; with a {@code username} (STOMP only) it is a person in the room, as a page's session is:
	 * it connects with that name and follows the room's presence too.
	 */
	Subscriber subscriber(Room room, Group group, boolean stallable, String username) {
		return this.target.style().stomp()
				? new StompSubscriber(room, group, stallable, this.target.login(), username)
				: new MqttWsSubscriber(room, group, stallable);
	}

	/**
	 * Connects and subscribes {@code subscribers}, at most {@code concurrency} handshakes at a time, within
	 * {@code timeout}; returns how many are subscribed.
	 */
	int open(List<Subscriber> subscribers, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		Semaphore handshakes = new Semaphore(this.concurrency);
		List<CompletableFuture<Void>> all = new ArrayList<>(subscribers.size());
		int index = 0;
		int opened = 0;
		for (Subscriber subscriber : subscribers) {
			long left = deadline - System.nanoTime();
			if (left <= 0 || !handshakes.tryAcquire(left, TimeUnit.NANOSECONDS)) {
				subscriber.subscribed.completeExceptionally(new IllegalStateException("not opened in time"));
				all.add(subscriber.subscribed);
				continue;
			}
			HttpClient client = this.http.get(index++ % this.http.size());
			String[] protocols = subscriber.subprotocols();
			String[] lesser = Arrays.copyOfRange(protocols, 1, protocols.length);
			client.newWebSocketBuilder()
				.subprotocols(protocols[0], lesser)
				.connectTimeout(Duration.ofSeconds(10))
				.buildAsync(this.target.webSocketUrl(opened++), subscriber)
				.whenComplete((ws, error) -> {
					if (error != null) {
						subscriber.subscribed.completeExceptionally(error);
					}
				});
			subscriber.subscribed.orTimeout(30, TimeUnit.SECONDS).whenComplete((ok, error) -> handshakes.release());
			all.add(subscriber.subscribed);
		}
		int ok = 0;
		for (CompletableFuture<Void> future : all) {
			long left = Math.max(1, deadline - System.nanoTime());
			try {
				future.get(left, TimeUnit.NANOSECONDS);
				ok++;
			}
			catch (Exception ex) {
				// Counted as not subscribed; the caller reports how many made it.
			}
		}
		return ok;
	}

	/** Closes {@code subscribers} normally, aborting those that do not close within three seconds. */
	static void close(List<Subscriber> subscribers) {
		List<CompletableFuture<?>> closing = new ArrayList<>(subscribers.size());
		for (Subscriber subscriber : subscribers) {
			try {
				closing.add(subscriber.close());
			}
			catch (RuntimeException ex) {
				subscriber.abort();
			}
		}
		try {
			CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// Whatever did not close in time is aborted below.
		}
		subscribers.forEach(Subscriber::abort);
	}

	@Override
	public void close() {
		// HttpClient.shutdownNow() needs JDK 21; the clients' selector threads end once they are unreachable.
		this.http.clear();
		this.executor.shutdownNow();
	}

}
