package dev.mqttchat.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * Runs the phases of the scale-out workload: opens each phase's readers on the gateways its plan names, proves
 * them live with probes, publishes at a fixed total rate through every broker node, and reads each process's CPU
 * time over the measured window.
 */
final class ScaleWorkload implements AutoCloseable {

	private final List<Clients> clients = new ArrayList<>();

	private final List<Room> rooms;

	private final List<Publisher> publishers = new ArrayList<>();

	private final ScaleSetup setup;

	ScaleWorkload(ScaleSetup setup, List<Room> rooms) throws Exception {
		this.setup = setup;
		this.rooms = rooms;
		Settings settings = setup.settings();
		for (URI ws : setup.webSockets()) {
			Target target = new Target("gateway", Style.GATEWAY, ws, setup.nodes().get(0), ws, "", List.of(), List.of());
			this.clients.add(new Clients(target, settings.httpClients(), settings.clientThreads(), settings.handshakes()));
		}
		int count = Math.max(1, Math.min(settings.publishers(), rooms.size()));
		List<List<Room>> shares = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			shares.add(new ArrayList<>());
		}
		rooms.forEach((room) -> shares.get(room.index() % count).add(room));
		String prefix = "bench-scale-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000 + "-";
		for (int i = 0; i < count; i++) {
			// Publishers spread over the nodes, as MQTT clients of a cluster would be.
			String node = setup.nodes().get(i % setup.nodes().size());
			this.publishers.add(Publisher.connect(node, prefix + i, shares.get(i), settings.qos(), settings.payloadBytes()));
		}
	}

	ScaleResults.Phase run(ScalePlan plan, int run, Duration warmup) throws Exception {
		int gateways = this.clients.size();
		List<Group> groups = new ArrayList<>();
		List<List<Subscriber>> readers = new ArrayList<>();
		for (int g = 0; g < gateways; g++) {
			groups.add(new Group("gateway-" + (g + 1)));
			readers.add(new ArrayList<>());
		}
		int[] roomsPer = new int[gateways];
		int[] readersPer = new int[gateways];
		for (Room room : this.rooms) {
			int home = plan.home()[room.index()];
			if (home < 0) {
				continue;
			}
			roomsPer[home]++;
			for (int k = 0; k < this.setup.readersPerRoom(); k++) {
				readers.get(home).add(this.clients.get(home).subscriber(room, groups.get(home), false));
				readersPer[home]++;
			}
		}
		try {
			int total = 0;
			for (int g = 0; g < gateways; g++) {
				int opened = this.clients.get(g).open(readers.get(g), Duration.ofSeconds(60));
				if (opened < readers.get(g).size()) {
					log("%s: only %d of %d readers subscribed on gateway %d", plan.name(), opened,
							readers.get(g).size(), g + 1);
				}
				total += readers.get(g).size();
			}
			int ready = awaitReady(readers, total);
			log("%s: %d of %d readers live; waiting for the processes to go idle", plan.name(), ready, total);
			ProcStats.quiesce(this.setup.allPids(), Duration.ofSeconds(20));
			groups.forEach((group) -> group.reset(run));
			return measure(plan, run, warmup, groups, roomsPer, readersPer, ready);
		}
		finally {
			readers.forEach(Clients::close);
		}
	}

	private ScaleResults.Phase measure(ScalePlan plan, int run, Duration warmup, List<Group> groups, int[] roomsPer, int[] readersPer,
			int ready) throws InterruptedException {
		long start = System.nanoTime() + 100_000_000L;
		long measureAt = start + (plan.traffic() ? warmup : Duration.ZERO).toNanos();
		long end = measureAt + this.setup.measure().toNanos();
		List<Schedule> schedules = new ArrayList<>();
		double perRoom = this.setup.ratePerSec() / this.rooms.size();
		if (plan.traffic()) {
			this.publishers.forEach((p) -> schedules.add(p.start(run, perRoom, start, measureAt, end)));
		}
		sleepUntil(measureAt);
		Cpu before = Cpu.read(this.setup);
		sleepUntil(end);
		Cpu used = Cpu.read(this.setup).minus(before);
		long[] sentPerRoom = new long[this.rooms.size()];
		long errors = 0;
		double lag = 0;
		for (Schedule schedule : schedules) {
			if (!schedule.join(10_000)) {
				schedule.thread.interrupt();
			}
			errors += schedule.errors();
			lag = Math.max(lag, schedule.maxLagNanos() / 1e6);
			List<Room> own = schedule.publisher().rooms();
			for (int i = 0; i < own.size(); i++) {
				sentPerRoom[own.get(i).index()] += schedule.measured(i);
			}
		}
		int gateways = groups.size();
		long[] expected = new long[gateways];
		long sent = 0;
		for (Room room : this.rooms) {
			sent += sentPerRoom[room.index()];
			int home = plan.home()[room.index()];
			if (home >= 0) {
				expected[home] += sentPerRoom[room.index()] * this.setup.readersPerRoom();
			}
		}
		drain(groups, expected);
		long[] delivered = new long[gateways];
		long outOfOrder = 0;
		Histogram latency = new Histogram(1, Group.MAX_MICROS, 3);
		for (int g = 0; g < gateways; g++) {
			delivered[g] = groups.get(g).delivered();
			outOfOrder += groups.get(g).outOfOrderCount();
			latency.add(groups.get(g).correctedHistogram());
		}
		double seconds = (end - measureAt) / 1e9;
		ScaleResults.Phase phase = new ScaleResults.Phase(plan.name(), plan.description(), this.setup.running(),
				roomsPer, readersPer, ready, plan.traffic() ? this.setup.ratePerSec() : 0, seconds, sent, expected,
				delivered, outOfOrder, errors, lag, Latency.of(latency), used.gateways(seconds), used.brokerSeconds() / seconds,
				used.databaseSeconds() / seconds, used.loadSeconds() / seconds);
		log("%s", line(phase));
		return phase;
	}

	private int awaitReady(List<List<Subscriber>> readers, int total) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int ready = 0;
		while (total > 0 && System.nanoTime() < deadline) {
			this.publishers.forEach(Publisher::probe);
			Thread.sleep(300);
			ready = (int) readers.stream().flatMap(List::stream).filter(Subscriber::probed).count();
			if (ready == total) {
				break;
			}
		}
		return ready;
	}

	private static void drain(List<Group> groups, long[] expected) throws InterruptedException {
		long deadline = System.nanoTime() + 8_000_000_000L;
		long last = -1;
		long progress = System.nanoTime();
		while (System.nanoTime() < deadline) {
			long delivered = 0;
			long owed = 0;
			for (int g = 0; g < groups.size(); g++) {
				delivered += groups.get(g).delivered();
				owed += expected[g];
			}
			if (delivered >= owed) {
				return;
			}
			if (delivered != last) {
				last = delivered;
				progress = System.nanoTime();
			}
			else if (System.nanoTime() - progress > 2_000_000_000L) {
				return;
			}
			Thread.sleep(20);
		}
	}

	static String line(ScaleResults.Phase p) {
		StringBuilder cpu = new StringBuilder();
		for (int g = 0; g < p.running(); g++) {
			cpu.append(String.format(Locale.ROOT, " g%d %.3f (%d deliv)", g + 1, p.gatewayCpu()[g],
					p.deliveredPerGateway()[g]));
		}
		return String.format(Locale.ROOT,
				"%-7s %4.0f msg/s, delivered %d of %d, ooo %d, p50 %s p99 %s ms | cores:%s | broker %.3f db %.3f load %.3f",
				p.name(), p.ratePerSec(), p.delivered(), p.expected(), p.outOfOrder(), Table.ms(p.latency().p50()),
				Table.ms(p.latency().p99()), cpu, p.brokerCpu(), p.databaseCpu(), p.loadCpu());
	}

	private static void sleepUntil(long nanos) throws InterruptedException {
		long left;
		while ((left = nanos - System.nanoTime()) > 0) {
			Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 200)));
		}
	}

	static void log(String format, Object... args) {
		System.out.println(java.time.LocalTime.now().withNano(0) + " [scale] " + String.format(format, args));
	}

	@Override
	public void close() {
		this.publishers.forEach(Publisher::close);
		this.clients.forEach(Clients::close);
	}

	/** CPU time read at one instant, in nanoseconds: each gateway, the broker nodes, the database, the load tool. */
	private record Cpu(long[] gateway, long broker, long database, long load) {

		static Cpu read(ScaleSetup setup) {
			long[] gateway = new long[setup.gatewayPids().size()];
			for (int g = 0; g < gateway.length; g++) {
				gateway[g] = (g < setup.running()) ? ProcStats.cpuNanos(List.of(setup.gatewayPids().get(g))) : -1;
			}
			return new Cpu(gateway, ProcStats.cpuNanos(setup.brokerPids()), ProcStats.cpuNanos(setup.databasePids()),
					ProcStats.selfCpuNanos());
		}

		Cpu minus(Cpu before) {
			long[] gateway = new long[this.gateway.length];
			for (int g = 0; g < gateway.length; g++) {
				gateway[g] = (this.gateway[g] < 0) ? -1 : this.gateway[g] - before.gateway[g];
			}
			return new Cpu(gateway, this.broker - before.broker, this.database - before.database,
					this.load - before.load);
		}

		/** Each gateway's CPU in cores over {@code seconds}; -1 for one not running. */
		double[] gateways(double seconds) {
			double[] cores = new double[this.gateway.length];
			for (int g = 0; g < cores.length; g++) {
				cores[g] = (this.gateway[g] < 0) ? -1 : this.gateway[g] / 1e9 / seconds;
			}
			return cores;
		}

		double brokerSeconds() {
			return this.broker / 1e9;
		}

		double databaseSeconds() {
			return this.database / 1e9;
		}

		double loadSeconds() {
			return this.load / 1e9;
		}

	}

}
