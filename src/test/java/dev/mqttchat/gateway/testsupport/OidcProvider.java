package dev.mqttchat.gateway.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in this JVM on a
 * free port of 127.0.0.1, with users alice and bob (named by {@code preferred_username}),
 * carol (only an unverified email) and dave (only a verified email), the gateway's client
 * and a second client; see {@link OidcProviderApp}. One shared instance lives as long as
 * the JVM.
 */
public final class OidcProvider implements AutoCloseable {

	/** The gateway's client id at the provider. */
	public static final String CLIENT_ID = "chat-gateway";

	/** The gateway's client secret. */
	public static final String CLIENT_SECRET = "chat-gateway-secret";

	/** Another client of the same provider: its tokens are not for the gateway. */
	public static final String OTHER_CLIENT_ID = "other-client";

	private static OidcProvider shared;

	private final ConfigurableApplicationContext context;

	private final String issuer;

	private OidcProvider(ConfigurableApplicationContext context) {
		this.context = context;
		this.issuer = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The provider every test shares, started on first use. */
	public static synchronized OidcProvider shared() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
		}
		return shared;
	}

	/** A provider of its own (another issuer). */
	public static OidcProvider start() {
		// Its own configuration name, so the gateway's test settings do not apply to it;
		// its own session cookie name, as cookies ignore ports and both run on 127.0.0.1.
		return new OidcProvider(new SpringApplicationBuilder(OidcProviderApp.class).web(WebApplicationType.SERVLET)
			.run("--spring.config.name=oidc-provider", "--server.port=0", "--server.address=127.0.0.1",
					"--server.servlet.session.cookie.name=PROVIDERSESSION", "--spring.main.banner-mode=off",
					"--logging.level.org.springframework.security=WARN"));
	}

	/** The issuer, exactly as its tokens name it. */
	public String issuer() {
		return this.issuer;
	}

	/** A user's password. */
	public static String password(String user) {
		return user + "-password";
	}

	/** The settings of a gateway that signs people in through this provider. */
	public String[] gatewaySettings() {
		return new String[] { "chat.auth.mode=oidc", "chat.auth.oidc.issuer-uri=" + this.issuer,
				"chat.auth.oidc.client-id=" + CLIENT_ID, "chat.auth.oidc.client-secret=" + CLIENT_SECRET };
	}

	/**
	 * An access token for {@code clientId} itself (client credentials): the gateway's
	 * names {@code ci-bot}, the other client's {@code mallory}.
	 */
	public String clientToken(String clientId) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + OidcProviderApp.secretOf(clientId)).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.issuer + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=chat"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"token endpoint answered " + response.statusCode() + ": " + response.body());
		}
		Map<?, ?> body = JsonMapper.builder().build().readValue(response.body(), Map.class);
		return (String) body.get("access_token");
	}

	@Override
	public void close() {
		this.context.close();
	}

}
