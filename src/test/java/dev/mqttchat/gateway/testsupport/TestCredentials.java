package dev.mqttchat.gateway.testsupport;

import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** Issues and revokes rooms' MQTT credentials over the real REST API. */
public final class TestCredentials {

	private TestCredentials() {
	}

	/**
	 * A new credential for room {@code roomId} on the gateway at
	 * {@code localhost:{port}}.
	 */
	public static TestCredential issue(int port, String roomId) {
		TestCredential credential = RestClient.create("http://localhost:" + port)
			.post()
			.uri("/api/rooms/{id}/mqtt-credentials", roomId)
			.retrieve()
			.body(TestCredential.class);
		if (credential == null) {
			throw new IllegalStateException("POST /api/rooms/{id}/mqtt-credentials answered without a body");
		}
		return credential;
	}

	/**
	 * The status {@code DELETE /api/rooms/{id}/mqtt-credentials/{username}} answers, with
	 * {@code Authorization: Bearer {bearer}} when {@code bearer} is not null.
	 */
	public static HttpStatusCode revoke(int port, String roomId, String username, @Nullable String bearer) {
		return RestClient.create("http://localhost:" + port)
			.delete()
			.uri("/api/rooms/{id}/mqtt-credentials/{username}", roomId, username)
			.headers((headers) -> {
				if (bearer != null) {
					headers.setBearerAuth(bearer);
				}
			})
			.exchange((request, response) -> response.getStatusCode());
	}

	/**
	 * A credential as the API issued it.
	 *
	 * @param username MQTT user name
	 * @param password MQTT password
	 * @param clientIdPrefix what client ids must begin with
	 * @param expiresAt when it expires, as the API spells it
	 * @param topics what it may use
	 */
	public record TestCredential(String username, String password, String clientIdPrefix, String expiresAt,
			List<String> topics) {

		/**
		 * An MQTT client connected to {@code url} with this credential as
		 * {@code clientId(suffix)}.
		 */
		public MqttTestClient connect(String url, String suffix) throws MqttException {
			return MqttTestClient.connect(url, clientId(suffix), this.username, this.password);
		}

		/** A client id this credential's clients may use. */
		public String clientId(String suffix) {
			return this.clientIdPrefix + suffix;
		}

	}

}
