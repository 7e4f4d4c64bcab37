package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.interception.InterceptHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MQTT broker (Moquette) the gateway runs when no external broker is
 * configured.
 */
final class EmbeddedMqttBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

	private final Server server = new Server();

	private final String host;

	private final int port;

	private EmbeddedMqttBroker(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/**
	 * Starts a broker on {@code host:port}; port 0 picks a free port.
	 * @throws EmbeddedBrokerPortInUseException if something already listens there
	 */
	static EmbeddedMqttBroker start(String host, int port, List<? extends InterceptHandler> interceptors)
			throws IOException {
		return start(host, port, Map.of(), interceptors);
	}

	/**
	 * Starts a broker with further Moquette settings, such as a TLS listener or a
	 * password file.
	 */
	static EmbeddedMqttBroker start(String host, int port, Map<String, String> extraSettings,
			List<? extends InterceptHandler> interceptors) throws IOException {
		return start(host, port, extraSettings, interceptors, null, null);
	}

	/**
	 * Starts a broker that asks {@code authorizator} before every subscription and
	 * publication.
	 */
	static EmbeddedMqttBroker start(String host, int port, IAuthorizatorPolicy authorizator) throws IOException {
		return start(host, port, Map.of(), List.of(), null, authorizator);
	}

	/**
	 * Starts the gateway's own broker: the gateway logs in with {@code gateway}, nobody
	 * else may use a gateway's client id; with {@code rooms} ({@code rooms} access) only
	 * room credentials' clients besides, each on its room's topics; without, others are
	 * let in only while it listens on loopback (anyone who can reach a wider address
	 * could otherwise read every room).
	 */
	static EmbeddedMqttBroker startGuarded(String host, int port, BrokerCredentials gateway, String clientIdPrefix,
			@Nullable CredentialSessions rooms, PublisherNames names) throws IOException {
		boolean loopback = isLoopback(host);
		boolean anonymous = loopback && rooms == null;
		EmbeddedMqttBroker broker = start(host, port, Map.of("allow_anonymous", Boolean.toString(anonymous)),
				(rooms != null) ? List.of(new CredentialInterceptor(gateway.username(), rooms, names)) : List.of(),
				new EmbeddedBrokerAuthenticator(gateway, clientIdPrefix, anonymous, rooms),
				(rooms != null) ? new RoomCredentialPolicy(gateway.username(), rooms) : null);
		if (rooms != null) {
			rooms.disconnectWith(broker.server::disconnectClient);
			logger.info("Embedded MQTT broker access: rooms (the gateway and per-room credentials only)");
		}
		else if (!loopback) {
			logger.info("Embedded MQTT broker listens beyond loopback: only the gateway may log in");
		}
		return broker;
	}

	private static EmbeddedMqttBroker start(String host, int port, Map<String, String> extraSettings,
			List<? extends InterceptHandler> interceptors, @Nullable IAuthenticator authenticator,
			@Nullable IAuthorizatorPolicy authorizator) throws IOException {
		int chosen = reserve(host, port);
		EmbeddedMqttBroker broker = new EmbeddedMqttBroker(host, chosen);
		Properties settings = settings(host, chosen);
		settings.putAll(extraSettings);
		broker.server.startServer(new MemoryConfig(settings), interceptors, null, authenticator, authorizator);
		logger.info("Embedded MQTT broker listening on {}", broker.url());
		return broker;
	}

	private static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static int reserve(String host, int port) throws IOException {
		// Moquette logs a stack trace and carries on when its port is taken, so the port
		// is checked first.
		try (ServerSocket probe = new ServerSocket()) {
			probe.bind(new InetSocketAddress(host, port));
			return probe.getLocalPort();
		}
		catch (BindException ex) {
			throw new EmbeddedBrokerPortInUseException(host, port, ex);
		}
	}

	private static Properties settings(String host, int port) {
		Properties settings = new Properties();
		settings.setProperty("host", host);
		settings.setProperty("port", Integer.toString(port));
		settings.setProperty("websocket_port", "disabled");
		settings.setProperty("allow_anonymous", "true");
		// mosquitto_pub and mosquitto_sub connect with an empty client id.
		settings.setProperty("allow_zero_byte_client_id", "true");
		settings.setProperty("persistence_enabled", "false");
		settings.setProperty("telemetry_enabled", "false");
		settings.setProperty("netty.mqtt.message_size", Integer.toString(1024 * 1024));
		return settings;
	}

	/** The {@code tcp://} URL clients use to reach this broker. */
	String url() {
		String address = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return "tcp://" + address + ":" + this.port;
	}

	int port() {
		return this.port;
	}

	void addInterceptor(InterceptHandler interceptor) {
		this.server.addInterceptHandler(interceptor);
	}

	@Override
	public void close() {
		this.server.stopServer();
		logger.info("Embedded MQTT broker stopped");
	}

}
