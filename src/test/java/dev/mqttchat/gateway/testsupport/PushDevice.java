package dev.mqttchat.gateway.testsupport;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

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
		this.publicKey = uncompressed((ECPublicKey) this.keys.getPublic());
		RANDOM.nextBytes(this.auth);
	}

	/** The endpoint pushes for this device are posted to. */
	public String endpoint() {
		return this.endpoint;
	}

	/** The subscription as {@code PushSubscription.toJSON()} gives it. */
	public Map<String, Object> subscription() {
		return Map.of("endpoint", this.endpoint, "keys",
				Map.of("p256dh", base64Url(this.publicKey), "auth", base64Url(this.auth)));
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
		return open(body, this.keys.getPrivate(), this.publicKey, this.auth);
	}

	/** Opens {@code body} for the receiver with these keys: RFC 8291 section 3. */
	public static byte[] open(byte[] body, PrivateKey receiver, byte[] receiverPublic, byte[] auth)
			throws GeneralSecurityException {
		ByteBuffer header = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		header.get(salt);
		int recordSize = header.getInt();
		byte[] senderPublic = new byte[header.get() & 0xff];
		header.get(senderPublic);
		byte[] sealed = Arrays.copyOfRange(body, header.position(), body.length);
		if (recordSize < 18 || sealed.length > recordSize) {
			throw new GeneralSecurityException("one record of at most rs bytes expected, rs " + recordSize);
		}
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(receiver);
		agreement.doPhase(point(senderPublic, (ECPublicKey) generatedPublic()), true);
		byte[] prkKey = hmac(auth, agreement.generateSecret());
		byte[] keyInfo = ByteBuffer.allocate(14 + 65 + 65)
			.put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII))
			.put(receiverPublic)
			.put(senderPublic)
			.array();
		byte[] ikm = hmac(prkKey, keyInfo, (byte) 1);
		byte[] prk = hmac(salt, ikm);
		byte[] cek = Arrays
			.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), (byte) 1), 16);
		byte[] nonce = Arrays
			.copyOf(hmac(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), (byte) 1), 12);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] record = cipher.doFinal(sealed);
		int end = record.length - 1;
		while (end >= 0 && record[end] == 0) {
			end--;
		}
		if (end < 0 || record[end] != 2) {
			throw new GeneralSecurityException("the last record must end in the delimiter 0x02 and zeros");
		}
		return Arrays.copyOf(record, end);
	}

	/** The public key whose uncompressed point this is. */
	public static ECPublicKey point(byte[] raw, ECPublicKey sameCurve) throws GeneralSecurityException {
		if (raw.length != 65 || raw[0] != 4) {
			throw new GeneralSecurityException("not an uncompressed P-256 point");
		}
		ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)),
				new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
		return (ECPublicKey) KeyFactory.getInstance("EC")
			.generatePublic(new ECPublicKeySpec(point, sameCurve.getParams()));
	}

	static ECPublicKey generatedPublic() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return (ECPublicKey) generator.generateKeyPair().getPublic();
	}

	private static byte[] uncompressed(ECPublicKey key) {
		byte[] raw = new byte[65];
		raw[0] = 4;
		byte[] x = key.getW().getAffineX().toByteArray();
		byte[] y = key.getW().getAffineY().toByteArray();
		int lx = Math.min(x.length, 32);
		int ly = Math.min(y.length, 32);
		System.arraycopy(x, x.length - lx, raw, 33 - lx, lx);
		System.arraycopy(y, y.length - ly, raw, 65 - ly, ly);
		return raw;
	}

	private static byte[] hmac(byte[] key, byte[]... parts) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		for (byte[] part : parts) {
			mac.update(part);
		}
		return mac.doFinal();
	}

	private static byte[] hmac(byte[] key, byte[] info, byte counter) throws GeneralSecurityException {
		return hmac(key, info, new byte[] { counter });
	}

	static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
