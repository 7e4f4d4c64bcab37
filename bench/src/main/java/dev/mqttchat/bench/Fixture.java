package dev.mqttchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * Rooms with their subscribers and publishers, set up once and then driven through one or more runs at
 * different rates; every subscriber of a room receives from exactly one publisher, so order is checkable.
 */
final class Fixture implements AutoCloseable {

	private final Target target;

	private final List<Room> rooms;

	private final List<Subscriber> subscribers = new ArrayList<>();

	private final List<Publisher> publishers = new ArrayList<>();

	private final Group healthy = new Group("healthy");

	private final Group stalled = new Group("stalled");

	private final int[] healthyPerRoom;

	private final int[] stalledPerRoom;

	private int subscribed;

	private double openSeconds;

	private int runs;

	private Fixture(Target target, List<Room> rooms) {
		this.target = target;
		this.rooms = rooms;
		this.healthyPerRoom = new int[rooms.size()];
		this.stalledPerRoom = new int[rooms.size()];
	}

	/**
	 * Issues {@code roomCount} rooms, subscribes {@code perRoom} healthy subscribers to each plus {@code stalledCount}
	 * stallable ones to the first room, and connects {@code publisherCount} publishers that share the rooms.
	 */
	static Fixture open(Target target, Clients clients, Settings settings, int roomCount, int perRoom,
			int stalledCount, Duration openTimeout) throws Exception {
		return open(target, clients, settings, roomCount, perRoom, stalledCount, openTimeout, false);
	}

	/** As above; with {@code people} each healthy subscriber is a person in its room with a username of its own. */
	static Fixture open(Target target, Clients clients, Settings settings, int roomCount, int perRoom,
			int stalledCount, Duration openTimeout, boolean people) throws Exception {
		Fixture fixture = new Fixture(target, Rooms.create(target, roomCount));
		try {
			int publisherCount = Math.max(1, Math.min(settings.publishers(), roomCount));
			List<List<Room>> shares = new ArrayList<>();
			for (int i = 0; i < publisherCount; i++) {
				shares.add(new ArrayList<>());
			}
			for (Room room : fixture.rooms) {
				shares.get(room.index() % publisherCount).add(room);
			}
			String prefix = "bench-pub-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000 + "-";
			for (int i = 0; i < publisherCount; i++) {
				fixture.publishers.add(Publisher.connect(target.mqttUrl(), prefix + i, shares.get(i), settings.qos(),
						settings.payloadBytes()));
			}
			// Subscribers are added room by room in turns, so a partial failure spreads instead of emptying a room.
			for (int k = 0; k < perRoom; k++) {
				for (Room room : fixture.rooms) {
					String username = people ? "bench-" + k + "-" + room.index() : null;
					fixture.subscribers.add(clients.subscriber(room, fixture.healthy, false, username));
					fixture.healthyPerRoom[room.index()]++;
				}
			}
			for (int k = 0; k < stalledCount; k++) {
				Room room = fixture.rooms.get(0);
				fixture.subscribers.add(clients.subscriber(room, fixture.stalled, true));
				fixture.stalledPerRoom[0]++;
			}
			long opening = System.nanoTime();
			fixture.subscribed = clients.open(fixture.subscribers, openTimeout);
			fixture.openSeconds = (System.nanoTime() - opening) / 1e9;
			return fixture;
		}
		catch (Exception | Error ex) {
			fixture.close();
			throw ex;
		}
	}

	List<Subscriber> subscribers() {
		return this.subscribers;
	}

	int size() {
		return this.subscribers.size();
	}

	/** How long the WebSocket handshakes and subscriptions took, the rooms and publishers left out. */
	double openSeconds() {
		return this.openSeconds;
	}

	int subscribedCount() {
		return this.subscribed;
	}

	int readyCount() {
		return (int) this.subscribers.stream().filter(Subscriber::probed).count();
	}

	List<Subscriber> stalledSubscribers() {
		return this.subscribers.stream().filter((s) -> s.group() == this.stalled).toList();
	}

	/**
	 * Publishes a probe to every room each {@code interval} until every subscriber has received one, at most
	 * {@code timeout}; returns how many have. A subscription only counts as live once a message came through it.
	 */
	int awaitReady(Duration timeout, Duration interval) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int ready = readyCount();
		while (ready < this.subscribers.size() && System.nanoTime() < deadline) {
			this.publishers.forEach(Publisher::probe);
			Thread.sleep(interval.toMillis());
			ready = readyCount();
		}
		return ready;
	}

	/**
	 * Publishes at {@code ratePerRoom} to every room: {@code warmup} unmeasured, then {@code measure} measured, then
	 * waits up to {@code drainMax} for late deliveries. {@code atMeasure} runs when measuring starts.
	 */
	RunResult run(String label, double ratePerRoom, Duration warmup, Duration measure, Duration drainMax,
			Runnable atMeasure) throws InterruptedException {
		int run = ++this.runs;
		this.healthy.reset(run);
		this.stalled.reset(run);
		int ready = readyCount();
		long start = System.nanoTime() + 100_000_000L;
		long measureAt = start + warmup.toNanos();
		long end = measureAt + measure.toNanos();
		List<Schedule> schedules = new ArrayList<>();
		for (Publisher publisher : this.publishers) {
			schedules.add(publisher.start(run, ratePerRoom, start, measureAt, end));
		}
		sleepUntil(measureAt);
		long targetCpu0 = ProcStats.cpuNanos(this.target.pids());
		long loadCpu0 = ProcStats.selfCpuNanos();
		atMeasure.run();
		sleepUntil(end);
		long targetCpu = ProcStats.cpuNanos(this.target.pids()) - targetCpu0;
		long loadCpu = ProcStats.selfCpuNanos() - loadCpu0;
		long seconds = end - measureAt;
		long errors = 0;
		double lagMs = 0;
		long[] sentPerRoom = new long[this.rooms.size()];
		for (Schedule schedule : schedules) {
			if (!schedule.join(10_000)) {
				schedule.thread.interrupt();
			}
			errors += schedule.errors();
			lagMs = Math.max(lagMs, schedule.maxLagNanos() / 1e6);
			List<Room> own = schedule.publisher().rooms();
			for (int i = 0; i < own.size(); i++) {
				sentPerRoom[own.get(i).index()] += schedule.measured(i);
			}
		}
		long sent = 0;
		long expected = 0;
		for (int i = 0; i < sentPerRoom.length; i++) {
			sent += sentPerRoom[i];
			expected += sentPerRoom[i] * this.healthyPerRoom[i];
		}
		drain(expected, drainMax);
		long delivered = this.healthy.delivered();
		Histogram corrected = this.healthy.correctedHistogram();
		Histogram uncorrected = this.healthy.uncorrectedHistogram();
		double window = seconds / 1e9;
		int measured = this.subscribers.size() - stalledSubscribers().size();
		double ratio = (expected == 0) ? 0 : Math.min(1.0, delivered / (double) expected);
		Latency latency = Latency.of(corrected);
		return new RunResult(label, this.rooms.size(), measured, ratePerRoom, ratePerRoom * this.rooms.size(),
				ratePerRoom * measured, window, ready, sent, expected, delivered, ratio, delivered / window,
				this.healthy.outOfOrderCount(), latency, Latency.of(uncorrected), targetCpu / (double) seconds,
				loadCpu / (double) seconds, lagMs, errors, RunResult.sustained(ratio, latency));
	}

	/** Deliveries to the stalled subscribers in the last run. */
	long stalledDelivered() {
		return this.stalled.delivered();
	}

	private void drain(long expected, Duration max) throws InterruptedException {
		long deadline = System.nanoTime() + max.toNanos();
		long last = -1;
		long lastProgress = System.nanoTime();
		while (System.nanoTime() < deadline) {
			long delivered = this.healthy.delivered();
			if (delivered >= expected) {
				return;
			}
			if (delivered != last) {
				last = delivered;
				lastProgress = System.nanoTime();
			}
			else if (System.nanoTime() - lastProgress > 2_000_000_000L) {
				return;
			}
			Thread.sleep(20);
		}
	}

	private static void sleepUntil(long nanos) throws InterruptedException {
		long left;
		while ((left = nanos - System.nanoTime()) > 0) {
			Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 200)));
		}
	}

	@Override
	public void close() {
		Clients.close(this.subscribers);
		this.publishers.forEach(Publisher::close);
	}

}
