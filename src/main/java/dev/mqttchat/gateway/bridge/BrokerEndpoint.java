package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.DeploymentSecret;

/**
 * The broker the gateway talks to: the configured one (one URI, or those of a cluster's
 * nodes), or the embedded broker it started itself.
 */
public final class BrokerEndpoint implements AutoCloseable {

	private final List<String> urls;

	private final @Nullable EmbeddedMqttBroker embedded;

	private final @Nullable BrokerCredentials credentials;

	private BrokerEndpoint(List<String> urls, @Nullable EmbeddedMqttBroker embedded,
			@Nullable BrokerCredentials credentials) {
		this.urls = List.copyOf(urls);
		this.embedded = embedded;
		this.credentials = credentials;
	}

	/**
	 * The configured broker, or the embedded one, which enforces room credentials when
	 * {@code rooms} is given.
	 */
	static BrokerEndpoint of(ChatProperties.Mqtt mqtt, DeploymentSecret secret, @Nullable CredentialSessions rooms,
			PublisherNames names) throws IOException {
		if (!mqtt.useEmbedded()) {
			BrokerCredentials configured = (mqtt.username() == null || mqtt.username().isBlank()) ? null
					: new BrokerCredentials(mqtt.username(), Objects.requireNonNullElse(mqtt.password(), ""));
			return new BrokerEndpoint(nodes(String.valueOf(mqtt.url())), null, configured);
		}
		// The gateway's own user on its own broker, the same for every instance of the
		// deployment (another instance may use this broker as its external one).
		BrokerCredentials gateway = new BrokerCredentials(mqtt.clientIdPrefix(),
				secret.derive("embedded broker password", 64));
		EmbeddedMqttBroker broker = EmbeddedMqttBroker.startGuarded(mqtt.embedded().host(), mqtt.embedded().port(),
				gateway, mqtt.clientIdPrefix(), rooms, names);
		return new BrokerEndpoint(List.of(broker.url()), broker, gateway);
	}

	/**
	 * The URIs of a comma-separated list: one broker's nodes, every client connecting to
	 * the first that answers.
	 */
	static List<String> nodes(String list) {
		List<String> nodes = Arrays.stream(list.split(",")).map(String::strip).filter((uri) -> !uri.isEmpty()).toList();
		if (nodes.isEmpty()) {
			throw new IllegalArgumentException("chat.mqtt.url names no broker URI");
		}
		for (String node : nodes) {
			try {
				URI uri = new URI(node);
				if (uri.getScheme() == null || uri.getHost() == null
						|| !List.of("tcp", "ssl", "ws", "wss").contains(uri.getScheme())) {
					throw new URISyntaxException(node, "expected tcp://host:port or ssl://host:port");
				}
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException("chat.mqtt.url: '" + display(node)
						+ "' is not a broker URI (tcp://host:port, ssl://host:port, ws:// or wss://)", ex);
			}
		}
		return nodes;
	}

	/** Who the gateway logs in as, if anyone. */
	Optional<BrokerCredentials> credentials() {
		return Optional.ofNullable(this.credentials);
	}

	/**
	 * The broker URL, e.g. {@code tcp://127.0.0.1:1883}; of a cluster, its first node's.
	 */
	public String url() {
		return this.urls.get(0);
	}

	/** Every node's URL, in the order clients try them. */
	public List<String> urls() {
		return this.urls;
	}

	/**
	 * The broker URLs as health and logs may show them: without any user or password they
	 * might carry, separated by commas.
	 */
	public String displayUrl() {
		return this.urls.stream().map(BrokerEndpoint::display).collect(Collectors.joining(","));
	}

	/** One broker URL without any user or password it might carry. */
	static String display(String url) {
		try {
			URI uri = new URI(url);
			return (uri.getRawUserInfo() == null) ? url
					: new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
						.toString();
		}
		catch (URISyntaxException ex) {
			return url.replaceAll("//[^/@]*@", "//");
		}
	}

	/** Whether this is the gateway's own embedded broker. */
	public boolean isEmbedded() {
		return this.embedded != null;
	}

	Optional<EmbeddedMqttBroker> embedded() {
		return Optional.ofNullable(this.embedded);
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
