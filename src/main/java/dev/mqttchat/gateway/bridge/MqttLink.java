package dev.mqttchat.gateway.bridge;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one direction of the bridge is connected to the broker, logging only the
 * changes so that an unreachable broker costs one line, not one stack trace per retry.
 */
public final class MqttLink {

	private static final Logger logger = LoggerFactory.getLogger(MqttLink.class);

	private final String role;

	private final String url;

	private final String retryHint;

	private final boolean readyOnConnect;

	private final AtomicBoolean up = new AtomicBoolean();

	private final AtomicBoolean ready = new AtomicBoolean();

	private final AtomicBoolean reportedDown = new AtomicBoolean();

	private final AtomicBoolean refused = new AtomicBoolean();

	private final AtomicLong failedAttempts = new AtomicLong();

	private final AtomicLong connects = new AtomicLong();

	private final AtomicLong connection = new AtomicLong();

	private volatile boolean standby;

	private volatile @Nullable Instant lastConnected;

	private volatile @Nullable String node;

	MqttLink(String role, String url, String retryHint, boolean readyOnConnect) {
		this.role = role;
		this.url = url;
		this.retryHint = retryHint;
		this.readyOnConnect = readyOnConnect;
	}

	/** Whether this direction is connected right now. */
	public boolean isUp() {
		return this.up.get();
	}

	/**
	 * Whether this direction can carry messages: connected, and subscribed where it
	 * subscribes.
	 */
	public boolean isReady() {
		return this.ready.get();
	}

	/**
	 * Whether this link is meant to be down: the storing session is held by another
	 * instance.
	 */
	public boolean isStandby() {
		return this.standby;
	}

	/**
	 * Which connection this is: it changes whenever the link goes down, so that what
	 * arrived on an earlier connection is never acknowledged on a later one.
	 */
	long connection() {
		return this.connection.get();
	}

	void standby(boolean standby) {
		this.standby = standby;
	}

	/** How many connection attempts have failed since start. */
	public long failedAttempts() {
		return this.failedAttempts.get();
	}

	/** How often this link connected again after its first connect. */
	public long reconnects() {
		return Math.max(0, this.connects.get() - 1);
	}

	/**
	 * The broker node this link last connected to (of a cluster's list, the first that
	 * answered), or {@code null} if it never connected.
	 */
	public @Nullable String node() {
		return this.node;
	}

	/** When this link last connected, or {@code null} if it never did. */
	public @Nullable Instant lastConnected() {
		return this.lastConnected;
	}

	/**
	 * The role of this link: {@code inbound}, {@code outbound}, {@code store} or
	 * {@code rooms}.
	 */
	public String role() {
		return this.role;
	}

	void connected(String serverUri) {
		String previous = this.node;
		this.node = BrokerEndpoint.display(serverUri);
		this.reportedDown.set(false);
		if (this.readyOnConnect) {
			this.ready.set(true);
		}
		if (this.up.compareAndSet(false, true)) {
			this.connects.incrementAndGet();
			this.lastConnected = Instant.now();
			logger.info("MQTT {} link connected to {}", this.role, this.node);
		}
		else if (!this.node.equals(previous)) {
			logger.info("MQTT {} link moved to {}", this.role, this.node);
		}
	}

	void subscribed() {
		this.ready.set(this.up.get() && !this.refused.get());
	}

	/** The broker refused a subscription of this link: not ready until granted. */
	void refused(String topics) {
		this.ready.set(false);
		if (this.refused.compareAndSet(false, true)) {
			logger.warn("MQTT broker refused the {} link's subscription to {}; asking again until granted", this.role,
					topics);
		}
	}

	/** Every subscription of this link was granted. */
	void granted() {
		if (this.refused.compareAndSet(true, false)) {
			logger.info("MQTT {} link's subscription granted", this.role);
			this.ready.set(this.up.get());
		}
	}

	void failed(Throwable cause) {
		this.connection.incrementAndGet();
		this.failedAttempts.incrementAndGet();
		this.ready.set(false);
		this.up.set(false);
		if (this.reportedDown.compareAndSet(false, true)) {
			logger.warn("MQTT broker {} unreachable for the {} link ({}); {}", this.url, this.role, describe(cause),
					this.retryHint);
		}
		else {
			logger.debug("MQTT {} link still down: {}", this.role, describe(cause));
		}
	}

	void lost(Throwable cause) {
		this.connection.incrementAndGet();
		this.ready.set(false);
		if (this.up.compareAndSet(true, false)) {
			this.reportedDown.set(true);
			logger.warn("MQTT {} link to {} lost ({}); {}", this.role, this.url, describe(cause), this.retryHint);
		}
	}

	void disconnected() {
		this.connection.incrementAndGet();
		this.ready.set(false);
		if (this.up.compareAndSet(true, false)) {
			logger.info("MQTT {} link disconnected from {}", this.role, this.url);
		}
	}

	static String describe(Throwable cause) {
		StringBuilder text = new StringBuilder(String.valueOf(cause.getMessage()));
		Throwable next = cause.getCause();
		if (next != null && next != cause) {
			text.append(": ").append(next.getClass().getSimpleName()).append(' ').append(next.getMessage());
		}
		return text.toString();
	}

}
