package dev.mqttchat.gateway.bridge;

import java.time.Duration;

/**
 * How long a link has been down without a break, for giving up what only that link can
 * serve when it stays down.
 */
final class LinkDownTime {

	private final MqttLink link;

	private final Duration grace;

	private volatile long downSince = -1;

	LinkDownTime(MqttLink link, Duration grace) {
		this.link = link;
		this.grace = grace;
	}

	/** Whether the link has been down for longer than the grace, as of now. */
	boolean exceeded() {
		long now = System.nanoTime();
		if (this.link.isUp()) {
			this.downSince = -1;
			return false;
		}
		if (this.downSince < 0) {
			this.downSince = now;
		}
		return now - this.downSince > this.grace.toNanos();
	}

	/** Starts counting afresh, as for a link that was just started. */
	void reset() {
		this.downSince = -1;
	}

	Duration grace() {
		return this.grace;
	}

}
