package dev.mqttchat.gateway.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push service on loopback, as browsers' push services behave towards an application
 * server (RFC 8030): it takes {@code POST /push/{device}}, checks the VAPID token (RFC
 * 8292: an ES256 JWT signed by the gateway's published key, {@code aud} this service's
 * origin, {@code exp} in the future and at most 24 hours away, a {@code sub} contact) and
 * the headers, opens the payload with the device's private key, and answers {@code 201}
 * (or what the test set for the device). What fails a check is answered {@code 403} and
 * listed in {@link #problems()}.
 */
public final class PushService implements AutoCloseable {

	private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
	};

	private final HttpServer server;

	private final Map<String, PushDevice> devices = new ConcurrentHashMap<>();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile @Nullable String vapidKey;

	private PushService(HttpServer server) {
		this.server = server;
	}

	/** Starts a push service on a free port of 127.0.0.1. */
	public static PushService start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		PushService service = new PushService(server);
		server.createContext("/", service::handle);
		server.start();
		return service;
	}

	/** The URL prefix of its endpoints, for {@code CHAT_PUSH_ALLOWEDENDPOINTS}. */
	public String prefix() {
		return origin() + "/push/";
	}

	/** Takes VAPID tokens signed with this public key (the gateway's, base64url). */
	public void trust(String vapidPublicKey) {
		this.vapidKey = vapidPublicKey;
	}

	/** A new device subscribed here. */
	public PushDevice device() throws GeneralSecurityException {
		String name = UUID.randomUUID().toString();
		PushDevice device = new PushDevice(prefix() + name);
		this.devices.put(name, device);
		return device;
	}

	/** What failed a check, each in words; empty when every push was well formed. */
	public List<String> problems() {
		return this.problems;
	}

	/** Every request this service received. */
	public int requests() {
		return this.requests.get();
	}

	private String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			PushDevice device = path.startsWith("/push/") ? this.devices.get(path.substring(6)) : null;
			if (device == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			device.requests.incrementAndGet();
			device.arrivals.add(Instant.now());
			String problem = check(exchange);
			Push push = null;
			if (problem == null) {
				try {
					push = new Push(this.json.readValue(device.open(body), PAYLOAD),
							exchange.getRequestHeaders().getFirst("Urgency"),
							Long.parseLong(exchange.getRequestHeaders().getFirst("TTL")), body.length);
				}
				catch (GeneralSecurityException | RuntimeException ex) {
					problem = "payload not opened: " + ex;
				}
			}
			if (problem != null) {
				this.problems.add(problem);
				exchange.sendResponseHeaders(403, -1);
				return;
			}
			int status = device.nextStatus();
			if (status == 429) {
				exchange.getResponseHeaders().set("Retry-After", "1");
			}
			exchange.sendResponseHeaders(status, -1);
			if (status == 201) {
				device.pushes.add(push);
			}
		}
	}

	private @Nullable String check(HttpExchange exchange) {
		var headers = exchange.getRequestHeaders();
		if (!"POST".equals(exchange.getRequestMethod())) {
			return "method " + exchange.getRequestMethod();
		}
		if (!"aes128gcm".equals(headers.getFirst("Content-Encoding"))) {
			return "Content-Encoding " + headers.getFirst("Content-Encoding");
		}
		if (headers.getFirst("TTL") == null || !headers.getFirst("TTL").matches("[0-9]+")) {
			return "TTL " + headers.getFirst("TTL");
		}
		if (!List.of("very-low", "low", "normal", "high").contains(headers.getFirst("Urgency"))) {
			return "Urgency " + headers.getFirst("Urgency");
		}
		String authorization = headers.getFirst("Authorization");
		String key = this.vapidKey;
		if (authorization == null || key == null || !authorization
			.matches("vapid t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+, k=[A-Za-z0-9_-]+")) {
			return "Authorization " + authorization;
		}
		String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
		if (!authorization.endsWith(", k=" + key)) {
			return "k is not the gateway's published key";
		}
		return WebPushCrypto.vapidProblem(token, key, origin(), this.json);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A push as the device opened it.
	 *
	 * @param payload the decrypted JSON
	 * @param urgency the {@code Urgency} header
	 * @param ttl the {@code TTL} header, in seconds
	 * @param size the encrypted body's size in bytes
	 */
	public record Push(Map<String, Object> payload, String urgency, long ttl, int size) {
	}

}
