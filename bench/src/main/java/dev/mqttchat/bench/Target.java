package dev.mqttchat.bench;

import java.net.URI;
import java.util.List;

/**
 * The system under test: where subscribers connect, where publishers publish, and which processes to observe.
 *
 * @param name label used in results, such as {@code gateway} or {@code rabbitmq}
 * @param style how rooms map to topics and destinations
 * @param webSocketUrl STOMP endpoint, or MQTT-over-WebSocket endpoint for {@code mosquitto-ws}
 * @param mqttUrl broker URL for the Paho publishers
 * @param httpUrl the gateway's base URL for {@code POST /api/rooms}; unused for peers
 * @param login STOMP login and passcode, for brokers that want them
 * @param pids processes of the system under test, for CPU, RSS and heap figures
 * @param webSocketHosts loopback addresses the subscribers take turns connecting to instead of the URL's host: one
 * machine opens only about 28,000 connections to one address and port (its ephemeral ports), so 100,000 sessions need
 * several; empty to use the URL as it is
 */
record Target(String name, Style style, URI webSocketUrl, String mqttUrl, URI httpUrl, String login, List<Long> pids,
		List<String> webSocketHosts) {

	static Target fromFlags(Flags flags) {
		Style style = Style.of(flags.required("style"));
		List<Long> pids = flags.list("pid").stream().map(Long::parseLong).toList();
		return new Target(flags.string("name", style.label()), style, URI.create(flags.required("ws-url")),
				flags.required("mqtt-url"), URI.create(flags.string("http-url", "http://127.0.0.1:8080")),
				flags.string("login", "guest:guest"), pids, flags.list("ws-hosts"));
	}

	/** Where subscriber number {@code index} connects. */
	URI webSocketUrl(int index) {
		if (this.webSocketHosts.isEmpty()) {
			return this.webSocketUrl;
		}
		URI url = this.webSocketUrl;
		String host = this.webSocketHosts.get(index % this.webSocketHosts.size());
		return URI.create(url.getScheme() + "://" + host + ":" + url.getPort() + url.getRawPath());
	}

}
