package dev.mqttchat.gateway.testsupport;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A browser's push subscription, as {@code PushManager.subscribe} makes one: its own
 * P-256 key pair and 16-byte auth secret, an endpoint on a {@link PushService}, and what
 * arrived there, opened as the browser opens it (RFC 8291 on the receiving side, written
 * apart from the gateway's code so that it checks it).
 */
public final class PushDevice {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String endpoint;

	private final KeyPair keys;

	private final byte[] publicKey;

	private final byte[] auth = new byte[16];

	final BlockingQueue<PushService.Push> pushes = new LinkedBlockingQueue<>();

	final AtomicInteger requests = new AtomicInteger();

	final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

	final List<Instant> arrivals = new CopyOnWriteArrayList<>();

	volatile int status = 201;

	PushDevice(String endpoint) throws GeneralSecurityException {
		this.endpoint = endpoint;
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		this.keys = generator.generateKeyPair();
		this.publicKey = WebPushCrypto.uncompressed((ECPublicKey) this.keys.getPublic());
		RANDOM.nextBytes(this.auth);
	}

	/** The endpoint pushes for this device are posted to. */
	public String endpoint() {
		return this.endpoint;
	}

	/** The subscription as {@code PushSubscription.toJSON()} gives it. */
	public Map<String, Object> subscription() {
		return Map.of("endpoint", this.endpoint, "keys",
				Map.of("p256dh", WebPushCrypto.base64Url(this.publicKey), "auth", WebPushCrypto.base64Url(this.auth)));
	}

	/** The pushes that arrived, opened. */
	public BlockingQueue<PushService.Push> pushes() {
		return this.pushes;
	}

	/** How many requests reached this endpoint, accepted or not. */
	public int requests() {
		return this.requests.get();
	}

	/** Answers every later push with {@code status} (201 by default; 410: gone). */
	public void answer(int status) {
		this.status = status;
	}

	/** Answers the next pushes with these statuses, one each, then as before. */
	public void answer(int first, int... then) {
		this.answers.add(first);
		Arrays.stream(then).forEach(this.answers::add);
	}

	/** When each request reached this endpoint. */
	public List<Instant> arrivals() {
		return this.arrivals;
	}

	/** The status the next request is answered with. */
	int nextStatus() {
		Integer next = this.answers.poll();
		return (next != null) ? next : this.status;
	}

	/**
	 * Opens an {@code aes128gcm} body (RFC 8188 header: salt, record size, key id = the
	 * sender's public key) with this device's private key and auth secret.
	 */
	public byte[] open(byte[] body) throws GeneralSecurityException {
		return WebPushCrypto.open(body, this.keys.getPrivate(), this.publicKey, this.auth);
	}

}
