package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.DeploymentSecret;

/**
 * The broker the gateway talks to: the configured one, or the embedded broker it started
 * itself.
 */
public final class BrokerEndpoint implements AutoCloseable {

	private final String url;

	private final @Nullable EmbeddedMqttBroker embedded;

	private final @Nullable BrokerCredentials credentials;

	private BrokerEndpoint(String url, @Nullable EmbeddedMqttBroker embedded, @Nullable BrokerCredentials credentials) {
		this.url = url;
		this.embedded = embedded;
		this.credentials = credentials;
	}

	static BrokerEndpoint of(ChatProperties.Mqtt mqtt, DeploymentSecret secret) throws IOException {
		if (!mqtt.useEmbedded()) {
			BrokerCredentials configured = (mqtt.username() == null || mqtt.username().isBlank()) ? null
					: new BrokerCredentials(mqtt.username(), Objects.requireNonNullElse(mqtt.password(), ""));
			return new BrokerEndpoint(String.valueOf(mqtt.url()).strip(), null, configured);
		}
		// The gateway's own user on its own broker, the same for every instance of the
		// deployment (another instance may use this broker as its external one).
		BrokerCredentials gateway = new BrokerCredentials(mqtt.clientIdPrefix(),
				secret.derive("embedded broker password", 64));
		EmbeddedMqttBroker broker = EmbeddedMqttBroker.startGuarded(mqtt.embedded().host(), mqtt.embedded().port(),
				gateway, mqtt.clientIdPrefix());
		return new BrokerEndpoint(broker.url(), broker, gateway);
	}

	/** Who the gateway logs in as, if anyone. */
	Optional<BrokerCredentials> credentials() {
		return Optional.ofNullable(this.credentials);
	}

	/** The broker URL, e.g. {@code tcp://127.0.0.1:1883}. */
	public String url() {
		return this.url;
	}

	/**
	 * The broker URL as health and logs may show it: without any user or password it
	 * might carry.
	 */
	public String displayUrl() {
		try {
			URI uri = new URI(this.url);
			return (uri.getRawUserInfo() == null) ? this.url
					: new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
						.toString();
		}
		catch (URISyntaxException ex) {
			return this.url.replaceAll("//[^/@]*@", "//");
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
