package dev.mqttchat.bench;

/**
 * How the load tool connects and what it sends, the same for every workload unless one says otherwise.
 *
 * @param qos MQTT QoS of the publishers (the first look used 0)
 * @param payloadBytes size of each MQTT payload
 * @param publishers Paho connections sharing the rooms of a multi-room workload
 * @param httpClients JDK HTTP clients (each one selector thread) sharing the WebSockets
 * @param clientThreads threads of the executor running all WebSocket callbacks; 0 runs them on the selector threads
 * @param handshakes WebSocket handshakes in flight at once while subscribers connect
 */
record Settings(int qos, int payloadBytes, int publishers, int httpClients, int clientThreads, int handshakes) {

	static Settings fromFlags(Flags flags) {
		return new Settings(flags.integer("qos", 0), flags.integer("payload-bytes", 100), flags.integer("publishers", 4),
				flags.integer("http-clients", 2), flags.integer("client-threads", 0), flags.integer("handshakes", 64));
	}

	Settings withPayloadBytes(int bytes) {
		return new Settings(this.qos, bytes, this.publishers, this.httpClients, this.clientThreads, this.handshakes);
	}

}
