package dev.mqttchat.gateway.testsupport;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving side of Web Push for tests, written apart from the gateway's code so that
 * it checks it: opening an {@code aes128gcm} payload as a browser does (RFC 8291 section
 * 3), and checking a VAPID token as a push service does (RFC 8292).
 */
public final class WebPushCrypto {

	private WebPushCrypto() {
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

	/**
	 * What is wrong with a VAPID token for a push service at {@code origin}, or
	 * {@code null}: signed with {@code key} (base64url point), ES256, {@code aud} the
	 * origin, {@code exp} ahead and at most 24 hours away, a {@code mailto:} or
	 * {@code https:} {@code sub}.
	 */
	public static @Nullable String vapidProblem(String token, String key, String origin, JsonMapper json) {
		String[] parts = token.split("\\.");
		try {
			Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
			verifier.initVerify(point(Base64.getUrlDecoder().decode(key), generatedPublic()));
			verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
				return "JWT signature does not verify with the key of /api/push/key";
			}
		}
		catch (GeneralSecurityException ex) {
			return "JWT signature: " + ex;
		}
		Map<?, ?> header = json.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
		Map<?, ?> claims = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
		long now = Instant.now().getEpochSecond();
		if (!"ES256".equals(header.get("alg"))) {
			return "JWT alg " + header.get("alg");
		}
		if (!origin.equals(claims.get("aud"))) {
			return "JWT aud " + claims.get("aud") + ", not " + origin;
		}
		if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now || exp.longValue() > now + 24 * 3600) {
			return "JWT exp " + claims.get("exp") + " not within 24 h from now";
		}
		if (!(claims.get("sub") instanceof String sub) || !sub.matches("(mailto:|https://).+")) {
			return "JWT sub " + claims.get("sub");
		}
		return null;
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

	/** A fresh public key, for the curve's parameters. */
	public static ECPublicKey generatedPublic() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return (ECPublicKey) generator.generateKeyPair().getPublic();
	}

	/** The uncompressed point of {@code key}. */
	public static byte[] uncompressed(ECPublicKey key) {
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

	/** Base64url without padding. */
	public static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
