package dev.mqttchat.gateway.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.PushDevice;
import dev.mqttchat.gateway.testsupport.PushService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * One gateway that may push to a local {@link PushService} (its prefix is the only
 * allowed one, plain http being allowed for a loopback prefix), with short retry waits
 * and small limits; test classes that extend it share its Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PushGatewayTestBase {

	/** Lives as long as the JVM, as the cached context does. */
	static final PushService PUSH_SERVICE = start();

	static final int MAX_PER_ADDRESS = 3;

	static final int MAX_ROOMS = 5;

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void pushToTheLocalPushService(DynamicPropertyRegistry registry) {
		registry.add("chat.push.allowed-endpoints", PUSH_SERVICE::prefix);
		registry.add("chat.push.retry-delay", () -> "100ms");
		registry.add("chat.push.max-per-address", () -> MAX_PER_ADDRESS);
		registry.add("chat.push.max-rooms", () -> MAX_ROOMS);
		registry.add("chat.push.vapid.subject", () -> "mailto:ops@chat.example");
	}

	@BeforeEach
	void gatewayIsReady() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
		PUSH_SERVICE.trust(String
			.valueOf(this.json.readValue(send("GET", "/api/push/key", null, null).body(), Map.class).get("publicKey")));
	}

	/** Registers {@code device} for {@code name} from {@code address}. */
	HttpResponse<String> register(PushDevice device, String name, String address, List<Map<String, String>> rooms)
			throws Exception {
		return send("POST", "/api/push/subscriptions", address,
				Map.of("subscription", device.subscription(), "username", name, "rooms", rooms));
	}

	/** Registers {@code device} and answers its id. */
	String subscribe(PushDevice device, String name, String address, List<Map<String, String>> rooms) throws Exception {
		HttpResponse<String> response = register(device, name, address, rooms);
		if (response.statusCode() != 201) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return String.valueOf(this.json.readValue(response.body(), Map.class).get("id"));
	}

	Map<String, Object> map(String body) {
		return this.json.readValue(body, new TypeReference<Map<String, Object>>() {
		});
	}

	static Map<String, String> room(String id, String notify) {
		return Map.of("id", id, "notify", notify);
	}

	/** A request to the gateway, forwarded for {@code address} if given. */
	HttpResponse<String> send(String method, String path, @Nullable String address, @Nullable Object body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))
					: HttpRequest.BodyPublishers.noBody());
		if (address != null) {
			request.header("X-Forwarded-For", address);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static PushService start() {
		try {
			return PushService.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
