package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

/**
 * The broker the gateway talks to: the configured one, or the embedded broker it started
 * itself.
 */
public final class BrokerEndpoint implements AutoCloseable {

	private final String url;

	private final @Nullable EmbeddedMqttBroker embedded;

	private BrokerEndpoint(String url, @Nullable EmbeddedMqttBroker embedded) {
		this.url = url;
		this.embedded = embedded;
	}

	static BrokerEndpoint of(ChatProperties.Mqtt mqtt) throws IOException {
		if (!mqtt.useEmbedded()) {
			return new BrokerEndpoint(String.valueOf(mqtt.url()).strip(), null);
		}
		EmbeddedMqttBroker broker = EmbeddedMqttBroker.start(mqtt.embedded().host(), mqtt.embedded().port(), List.of());
		return new BrokerEndpoint(broker.url(), broker);
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
