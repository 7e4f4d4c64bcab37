package dev.mqttchat.gateway.chat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher's half-second round while the gateway runs, and at shutdown, before
 * the WebSockets close and long before the broker link goes, lets what was sent finish:
 * stored, or kept in the outbox for whoever stores next.
 */
@Component
class SendDrainLifecycle implements SmartLifecycle {

	/** The first to stop: the WebSocket side stops in a later phase. */
	static final int PHASE = Integer.MAX_VALUE;

	private static final Duration DRAIN = Duration.ofSeconds(3);

	private final MessageDispatcher dispatcher;

	private volatile @Nullable ScheduledExecutorService rounds;

	SendDrainLifecycle(MessageDispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@Override
	public void start() {
		// A context can be stopped and started again (Spring's tests pause cached ones).
		this.dispatcher.open();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this.dispatcher::tick, 500, 500, TimeUnit.MILLISECONDS);
		this.rounds = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.rounds;
		if (executor == null) {
			return;
		}
		executor.shutdownNow();
		this.rounds = null;
		try {
			this.dispatcher.close(DRAIN);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.rounds != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
