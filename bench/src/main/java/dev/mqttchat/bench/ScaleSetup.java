package dev.mqttchat.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment the scale-out workload drives and how hard: the running gateways (gateway 1 first), the broker
 * nodes, the processes whose CPU is read, and the load.
 *
 * @param webSockets each running gateway's STOMP endpoint
 * @param http gateway 1's base URL, which issues the rooms
 * @param gatewayPids each running gateway's process, in the same order
 * @param nodes the broker nodes' MQTT URLs
 * @param brokerPids the broker nodes' processes
 * @param databasePids PostgreSQL's processes
 * @param settings publishers, QoS, payload and WebSocket client settings
 * @param roomCount rooms
 * @param readersPerRoom STOMP readers of each room, all on the room's home gateway
 * @param ratePerSec messages per second over all rooms
 * @param warmup unmeasured traffic before each measured window
 * @param firstWarmup unmeasured traffic before the first phase of a call, whose gateways may be cold JVMs
 * @param measure the measured window
 */
record ScaleSetup(List<URI> webSockets, URI http, List<Long> gatewayPids, List<String> nodes, List<Long> brokerPids,
		List<Long> databasePids, Settings settings, int roomCount, int readersPerRoom, double ratePerSec,
		Duration warmup, Duration firstWarmup, Duration measure) {

	static ScaleSetup fromFlags(Flags flags) {
		List<URI> webSockets = flags.list("ws-urls").stream().map(URI::create).toList();
		List<Long> gatewayPids = pids(flags, "gateway-pids");
		if (webSockets.isEmpty() || webSockets.size() != gatewayPids.size()) {
			throw new IllegalArgumentException("--ws-urls and --gateway-pids name the same running gateways");
		}
		List<String> nodes = flags.list("mqtt-urls");
		if (nodes.isEmpty()) {
			throw new IllegalArgumentException("--mqtt-urls is required");
		}
		Settings settings = new Settings(flags.integer("qos", 1), flags.integer("payload-bytes", 100),
				flags.integer("publishers", nodes.size()), flags.integer("http-clients", 2),
				flags.integer("client-threads", 0), flags.integer("handshakes", 64));
		return new ScaleSetup(webSockets, URI.create(flags.required("http-url")), gatewayPids, nodes,
				pids(flags, "broker-pids"), pids(flags, "db-pids"), settings, flags.integer("rooms", 30),
				flags.integer("readers-per-room", 3), flags.decimal("rate", 100),
				flags.duration("warmup", Duration.ofSeconds(10)), flags.duration("first-warmup", Duration.ofSeconds(30)),
				flags.duration("measure", Duration.ofSeconds(30)));
	}

	private static List<Long> pids(Flags flags, String name) {
		return flags.list(name).stream().map(Long::parseLong).toList();
	}

	int running() {
		return this.webSockets.size();
	}

	/** Every process under test, for waiting until they are idle. */
	List<Long> allPids() {
		List<Long> all = new ArrayList<>(this.gatewayPids);
		all.addAll(this.brokerPids);
		return all;
	}

}
