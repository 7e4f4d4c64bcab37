package dev.mqttchat.gateway.deploy;

import java.util.List;

/**
 * A deployment the smoke test drives: nginx in front of two gateways, one broker, one
 * database.
 */
interface SmokeStack extends AutoCloseable {

	/** Where people open the chat, e.g. {@code http://127.0.0.1:18080}. */
	String proxyUrl();

	/** The broker's {@code tcp://} URL, for MQTT clients. */
	String mqttUrl();

	/** Each gateway's readiness endpoint. */
	List<String> readinessUrls();

	/** Takes one gateway away for good, as a crash or a scaled-down container would. */
	void stopOne() throws Exception;

	@Override
	void close() throws Exception;

}
