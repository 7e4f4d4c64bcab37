package dev.mqttchat.gateway.bridge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mqttchat.gateway.history.InstanceRepository;
import dev.mqttchat.gateway.history.StoreLease;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;

/**
 * Holds the storing session while this instance holds the storing lease: one instance of
 * a deployment stores at a time, in the broker's order, and when it goes away for good or
 * for a while, another takes the same persistent session over with everything the broker
 * kept for it. Each tick also records that this instance runs, and the storing instance
 * learns whether any other does, and so whether its stored messages need announcing.
 */
final class StoreSessionLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(StoreSessionLifecycle.class);

	private final StoreLease lease;

	private final String holder;

	private final Duration leaseTime;

	private final MqttPahoMessageDrivenChannelAdapter adapter;

	private final GroupCommitWriter writer;

	private final MqttLink link;

	private final MqttLinkMonitor links;

	private final LinkDownTime storeDown;

	private final InstanceRepository instances;

	private final LiveAnnouncementGate announcements;

	private volatile boolean holding;

	private @Nullable ScheduledExecutorService ticker;

	StoreSessionLifecycle(StoreLease lease, String holder, Duration leaseTime, Duration giveUpAfter,
			MqttPahoMessageDrivenChannelAdapter adapter, GroupCommitWriter writer, MqttLinkMonitor links,
			InstanceRepository instances, LiveAnnouncementGate announcements) {
		this.lease = lease;
		this.instances = instances;
		this.announcements = announcements;
		this.holder = holder;
		this.leaseTime = leaseTime;
		this.adapter = adapter;
		this.writer = writer;
		this.links = links;
		this.link = links.store();
		this.storeDown = new LinkDownTime(this.link, giveUpAfter);
		adapter.setAutoStartup(false);
		writer.onLeaseLost(this::leaseLost);
	}

	@Override
	public synchronized void start() {
		// The first attempt now, so that a single instance stores from its first second.
		tick();
		if (!this.holding) {
			// Before this instance serves anyone, the storing instance's next tick learns
			// that it runs and announces from then on.
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(period() + 250));
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "store-lease");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::tick, period(), period(), TimeUnit.MILLISECONDS);
		this.ticker = executor;
	}

	private long period() {
		return Math.max(100, this.leaseTime.toMillis() / 4);
	}

	private synchronized void tick() {
		try {
			this.instances.running(this.holder, Duration.ofMillis(period() * 3));
			if (this.holding) {
				if (this.storeDown.exceeded()) {
					logger.warn(
							"Instance {} gives the storing session up: its store link has been down for over {}; "
									+ "an instance that reaches the broker takes it over",
							this.holder, this.storeDown.grace());
					release(true);
				}
				else if (!this.lease.renew(this.holder, this.leaseTime)) {
					logger.warn("Instance {} lost the storing lease; another instance stores from now on", this.holder);
					release(false);
				}
			}
			else if (!this.links.brokerReachable()) {
				// Only who reaches the broker may take the session: until then not ready.
				this.link.standby(false);
			}
			else if (this.lease.acquire(this.holder, this.leaseTime)) {
				logger.info("Instance {} holds the storing lease and stores the rooms' messages", this.holder);
				this.holding = true;
				this.storeDown.reset();
				this.link.standby(false);
				this.writer.start();
				this.adapter.start();
			}
			else {
				this.link.standby(true);
			}
			if (this.holding) {
				this.announcements.othersRunning(this.instances.othersRunning(this.holder));
			}
		}
		catch (DataAccessException ex) {
			this.announcements.othersRunning(true);
			// A holder that cannot renew keeps storing until its transactions fail on
			// the lease: it is the database that decides.
			logger.warn("Storing lease not checked: {}", MqttLink.describe(ex));
		}
	}

	/** The writer found the lease gone. */
	void leaseLost() {
		// From a thread of its own: stopping the writer waits for the writer's thread.
		Thread thread = new Thread(() -> {
			synchronized (this) {
				if (this.holding) {
					release(false);
				}
			}
		}, "store-lease-lost");
		thread.setDaemon(true);
		thread.start();
	}

	private void release(boolean giveUp) {
		this.holding = false;
		this.adapter.stop();
		try {
			this.writer.stop();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (giveUp) {
			this.lease.release(this.holder);
		}
		this.link.standby(true);
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService executor = this.ticker;
		if (executor != null) {
			executor.shutdownNow();
		}
		try {
			this.instances.stopped(this.holder);
		}
		catch (DataAccessException ex) {
			logger.debug("Instance {} not removed from the registry; its row lapses", this.holder);
		}
		if (this.holding) {
			try {
				release(true);
			}
			catch (DataAccessException ex) {
				logger.warn("Storing lease not released; another instance takes over when it lapses: {}",
						MqttLink.describe(ex));
			}
		}
		this.link.standby(false);
	}

	@Override
	public boolean isRunning() {
		return this.ticker != null && !this.ticker.isShutdown();
	}

	@Override
	public int getPhase() {
		return this.adapter.getPhase();
	}

}
