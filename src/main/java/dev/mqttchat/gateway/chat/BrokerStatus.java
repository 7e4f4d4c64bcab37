package dev.mqttchat.gateway.chat;

/** What the chat needs to know of the broker link, answered by the bridge. */
public interface BrokerStatus {

	/** Whether a publish may succeed now: the broker answers this instance. */
	boolean reachable();

	/**
	 * Whether this instance holds the storing session, and with it the duty to relay the
	 * outbox.
	 */
	boolean storing();

}
