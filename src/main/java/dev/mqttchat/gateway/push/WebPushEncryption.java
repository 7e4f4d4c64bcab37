package dev.mqttchat.gateway.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC
 * 8188): ECDH between a fresh key pair and the subscription's {@code p256dh} key, mixed
 * with its {@code auth} secret through HKDF-SHA-256, one AES-128-GCM record of at most
 * 4096 bytes. Only the device holding the subscription's private key can read it.
 */
final class WebPushEncryption {

	/** The record size written in the header: every payload here fits one record. */
	static final int RECORD_SIZE = 4096;

	/** The most plaintext one record carries (RFC 8291 section 4). */
	static final int MAX_PLAINTEXT = RECORD_SIZE - 16 - 1 - 86;

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebPushEncryption() {
	}

	/**
	 * {@code plaintext} encrypted for the subscription with public key {@code p256dh} (65
	 * bytes) and {@code auth} secret (16 bytes), with a fresh key pair and salt, padded
	 * to at least {@code paddedLength} bytes so that push services learn less from its
	 * size.
	 */
	static byte[] encrypt(byte[] plaintext, byte[] p256dh, byte[] auth, int paddedLength) {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return encrypt(plaintext, p256dh, auth, P256.generate(), salt, paddedLength);
	}

	/**
	 * As {@link #encrypt(byte[], byte[], byte[], int)} with a given sender key pair and
	 * salt, as RFC 8291's example gives them.
	 */
	static byte[] encrypt(byte[] plaintext, byte[] p256dh, byte[] auth, KeyPair sender, byte[] salt, int paddedLength) {
		int recordLength = Math.min(Math.max(plaintext.length, paddedLength), MAX_PLAINTEXT) + 1;
		if (plaintext.length + 1 > recordLength) {
			throw new IllegalArgumentException("A push payload carries at most " + MAX_PLAINTEXT + " bytes");
		}
		try {
			ECPublicKey receiver = P256.publicKey(p256dh);
			byte[] senderPublic = P256.raw((ECPublicKey) sender.getPublic());
			KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
			agreement.init(sender.getPrivate());
			agreement.doPhase(receiver, true);
			byte[] ecdhSecret = agreement.generateSecret();
			// RFC 8291 section 3.4: the auth secret and both public keys go into the key.
			byte[] keyInfo = concat(ascii("WebPush: info\0"), p256dh, senderPublic);
			byte[] ikm = expand(extract(auth, ecdhSecret), keyInfo, 32);
			byte[] prk = extract(salt, ikm);
			byte[] cek = expand(prk, ascii("Content-Encoding: aes128gcm\0"), 16);
			byte[] nonce = expand(prk, ascii("Content-Encoding: nonce\0"), 12);
			// The one and last record: the text, the delimiter 0x02, then zeros.
			byte[] record = Arrays.copyOf(plaintext, recordLength);
			record[plaintext.length] = 0x02;
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(record);
			return ByteBuffer.allocate(16 + 4 + 1 + senderPublic.length + sealed.length)
				.put(salt)
				.putInt(RECORD_SIZE)
				.put((byte) senderPublic.length)
				.put(senderPublic)
				.put(sealed)
				.array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Web Push encryption uses only what every JVM has", ex);
		}
	}

	/** HKDF-Extract (RFC 5869) with HMAC-SHA-256. */
	static byte[] extract(byte[] salt, byte[] ikm) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt, "HmacSHA256"));
		return mac.doFinal(ikm);
	}

	/** HKDF-Expand (RFC 5869) for at most one block, all Web Push needs. */
	static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		mac.update(info);
		mac.update((byte) 1);
		return Arrays.copyOf(mac.doFinal(), length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] concat(byte[]... parts) {
		ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(parts).mapToInt((part) -> part.length).sum());
		for (byte[] part : parts) {
			buffer.put(part);
		}
		return buffer.array();
	}

}
