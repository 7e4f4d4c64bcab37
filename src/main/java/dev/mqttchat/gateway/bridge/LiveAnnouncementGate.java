package dev.mqttchat.gateway.bridge;

/**
 * Whether stored messages are announced on the rooms' live topics now: always if so set,
 * otherwise only while another gateway instance runs, since a single instance delivers
 * everything it stores itself and would only drop its own announcements.
 */
final class LiveAnnouncementGate {

	private final boolean always;

	// Until the registry answers, announcing too much costs a little and loses nothing.
	private volatile boolean othersRunning = true;

	LiveAnnouncementGate(boolean always) {
		this.always = always;
	}

	boolean open() {
		return this.always || this.othersRunning;
	}

	void othersRunning(boolean othersRunning) {
		this.othersRunning = othersRunning;
	}

}
