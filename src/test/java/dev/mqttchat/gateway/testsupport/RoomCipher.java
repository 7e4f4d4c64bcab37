package dev.mqttchat.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The end-to-end format of docs/protocol.md, written from that document with the JDK
 * alone: HKDF-SHA-256 (RFC 5869) of the room secret, AES-256-GCM with the documented
 * additional data. The gateway has no such code: it never holds a key.
 */
public final class RoomCipher {

	private static final String LABEL = "mqtt-chat/e2e/1";

	private final byte[] messageKey;

	private final String kid;

	private final byte[] reactionKey;

	private final byte[] attachmentKey;

	/** The keys of room secret {@code secret} (32 bytes). */
	public RoomCipher(byte[] secret) throws GeneralSecurityException {
		this.messageKey = hkdf(secret, LABEL + " message key", 32);
		this.kid = base64url(hkdf(secret, LABEL + " key id", 16));
		this.reactionKey = hkdf(secret, LABEL + " reaction key", 32);
		this.attachmentKey = hkdf(secret, LABEL + " attachment key", 32);
	}

	/** A picture's bytes sealed under {@code iv}: the IV, then ciphertext and tag. */
	public byte[] sealPicture(String roomId, byte[] picture, byte[] iv) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(this.attachmentKey, "AES"), new GCMParameterSpec(128, iv));
		cipher.updateAAD(netstrings(LABEL, roomId, "picture"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(iv);
		out.writeBytes(cipher.doFinal(picture));
		return out.toByteArray();
	}

	/** The picture in sealed bytes (IV, ciphertext and tag). */
	public byte[] openPicture(String roomId, byte[] sealed) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(this.attachmentKey, "AES"),
				new GCMParameterSpec(128, sealed, 0, 12));
		cipher.updateAAD(netstrings(LABEL, roomId, "picture"));
		return cipher.doFinal(sealed, 12, sealed.length - 12);
	}

	/** The tag a reaction with {@code emoji} carries: {@code e:} and 16 bytes of HMAC. */
	public String reactionTag(String emoji) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(this.reactionKey, "HmacSHA256"));
		return "e:" + base64url(Arrays.copyOf(mac.doFinal(emoji.getBytes(StandardCharsets.UTF_8)), 16));
	}

	/** The public key id messages carry as {@code kid}. */
	public String kid() {
		return this.kid;
	}

	/** {@code {"text": text}} sealed under {@code iv}: the base64url ciphertext. */
	public String seal(String roomId, @Nullable String author, String clientMsgId, String textJson, byte[] iv)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(this.messageKey, "AES"), new GCMParameterSpec(128, iv));
		cipher.updateAAD(additionalData(roomId, author, clientMsgId));
		return base64url(cipher.doFinal(textJson.getBytes(StandardCharsets.UTF_8)));
	}

	/** The plaintext JSON of a sealed text. */
	public String open(String roomId, @Nullable String author, String clientMsgId, String iv, String ciphertext)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(this.messageKey, "AES"),
				new GCMParameterSpec(128, Base64.getUrlDecoder().decode(iv)));
		cipher.updateAAD(additionalData(roomId, author, clientMsgId));
		return new String(cipher.doFinal(Base64.getUrlDecoder().decode(ciphertext)), StandardCharsets.UTF_8);
	}

	/** Netstrings of the label, the room id, the author key and the clientMsgId. */
	public static byte[] additionalData(String roomId, @Nullable String author, String clientMsgId) {
		return netstrings(LABEL, roomId, (author != null) ? author : "", clientMsgId);
	}

	private static byte[] netstrings(String... fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String field : fields) {
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(bytes);
			out.write(',');
		}
		return out.toByteArray();
	}

	/** HKDF-SHA-256 with an empty salt: extract, then expand to {@code length} bytes. */
	static byte[] hkdf(byte[] secret, String info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
		byte[] prk = mac.doFinal(secret);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		byte[] okm = new byte[0];
		byte[] block = new byte[0];
		for (int counter = 1; okm.length < length; counter++) {
			mac.update(block);
			mac.update(info.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) counter);
			block = mac.doFinal();
			byte[] grown = Arrays.copyOf(okm, okm.length + block.length);
			System.arraycopy(block, 0, grown, okm.length, block.length);
			okm = grown;
		}
		return Arrays.copyOf(okm, length);
	}

	/** Base64url without padding. */
	public static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
