package dev.mqttchat.gateway.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 keys in the raw forms Web Push uses (RFC 8291, RFC 8292): a public key as its
 * 65-byte uncompressed point, a private key as its 32-byte scalar, both in base64url.
 */
public final class P256 {

	/** The curve's parameters, from the JDK's own table. */
	public static final ECParameterSpec PARAMS = parameters();

	private P256() {
	}

	/** A new key pair from the JDK's strong random source. */
	public static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JVM has P-256", ex);
		}
	}

	/** The uncompressed point {@code 0x04 || x || y} of {@code key}. */
	public static byte[] raw(ECPublicKey key) {
		byte[] raw = new byte[65];
		raw[0] = 0x04;
		copy(key.getW().getAffineX(), raw, 1);
		copy(key.getW().getAffineY(), raw, 33);
		return raw;
	}

	/** The 32-byte scalar of {@code key}. */
	public static byte[] raw(ECPrivateKey key) {
		byte[] raw = new byte[32];
		copy(key.getS(), raw, 0);
		return raw;
	}

	/**
	 * The public key whose uncompressed point this is.
	 * @throws IllegalArgumentException if it is not 65 bytes of a point on the curve
	 */
	public static ECPublicKey publicKey(byte[] raw) {
		if (raw.length != 65 || raw[0] != 0x04) {
			throw new IllegalArgumentException("not a 65-byte uncompressed P-256 point");
		}
		BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 1, 33));
		BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 33, 65));
		// A point off the curve would leak the private key through ECDH (invalid
		// curve attack): checked here rather than trusting every provider to.
		EllipticCurve curve = PARAMS.getCurve();
		BigInteger p = ((ECFieldFp) curve.getField()).getP();
		if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0
				|| !y.pow(2).mod(p).equals(x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p))) {
			throw new IllegalArgumentException("not a point on P-256");
		}
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC")
				.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMS));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a P-256 public key", ex);
		}
	}

	/**
	 * The private key with this 32-byte scalar.
	 * @throws IllegalArgumentException if it is not 32 bytes
	 */
	public static ECPrivateKey privateKey(byte[] raw) {
		if (raw.length != 32) {
			throw new IllegalArgumentException("not a 32-byte P-256 private key");
		}
		try {
			return (ECPrivateKey) KeyFactory.getInstance("EC")
				.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, raw), PARAMS));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a P-256 private key", ex);
		}
	}

	/** Base64url without padding, as Web Push writes keys. */
	public static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Decodes base64url, with or without padding.
	 * @throws IllegalArgumentException if it is not base64url
	 */
	public static byte[] fromBase64Url(String text) {
		return Base64.getUrlDecoder().decode(text);
	}

	private static void copy(BigInteger value, byte[] target, int offset) {
		byte[] bytes = value.toByteArray();
		// Big-endian, without the sign byte, left-padded to 32 bytes.
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
	}

	private static ECParameterSpec parameters() {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec("secp256r1"));
			return parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JVM has P-256", ex);
		}
	}

}
