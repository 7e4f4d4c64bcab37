package dev.mqttchat.gateway.chat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Ed25519 signatures over a stream entry: what is signed, and whether a signature holds.
 * <p>
 * The signed bytes are netstrings ({@code <length>:<UTF-8 bytes>,}) of, in this order:
 * {@code mqtt-chat/1}, the room id, {@code clientMsgId}, username, type, target, text
 * (or, sealed, {@code v.kid.iv.ciphertext}), {@code replyTo}, emoji and the attachments'
 * ids joined by commas, an absent field as {@code 0:,}. The room and the target are in
 * it, so a signature never holds for another room or another message.
 */
public final class AuthorSignature {

	/** The first netstring: the format's name and version. */
	public static final String VERSION = "mqtt-chat/1";

	// The DER header of an X.509 SubjectPublicKeyInfo for Ed25519, before the 32 raw key
	// bytes.
	private static final byte[] X509_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
			0x00 };

	private AuthorSignature() {
	}

	/** The bytes an author signs for {@code message}. */
	public static byte[] signedBytes(ChatMessage message) {
		MessageEnvelope envelope = message.envelope();
		return netstrings(VERSION, message.roomId(), envelope.clientMsgId(), message.username(),
				envelope.type().wireName(), envelope.target(),
				(envelope.sealed() != null) ? envelope.sealed().signed() : message.text(), message.replyTo(),
				envelope.emoji(), attachmentIds(message));
	}

	private static @Nullable String attachmentIds(ChatMessage message) {
		return message.attachments().isEmpty() ? null
				: String.join(",", message.attachments().stream().map(MessageAttachment::id).toList());
	}

	/** Whether {@code author} is base64url of 32 bytes, as an Ed25519 public key is. */
	public static boolean isWellFormedKey(@Nullable String author) {
		byte[] key = decode(author);
		return key != null && key.length == 32;
	}

	/**
	 * Whether {@code message} carries an author key, a {@code clientMsgId} and a
	 * signature by that key over its signed bytes.
	 */
	public static boolean holds(ChatMessage message) {
		MessageEnvelope envelope = message.envelope();
		return envelope.clientMsgId() != null && verifies(envelope.author(), envelope.sig(), signedBytes(message));
	}

	/**
	 * Whether {@code sig} (base64url) is a signature over {@code data} by the Ed25519 key
	 * {@code author} (base64url of its 32 bytes).
	 */
	public static boolean verifies(@Nullable String author, @Nullable String sig, byte[] data) {
		byte[] key = decode(author);
		byte[] signature = decode(sig);
		if (key == null || key.length != 32 || signature == null || signature.length != 64) {
			return false;
		}
		try {
			byte[] encoded = new byte[X509_PREFIX.length + key.length];
			System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
			System.arraycopy(key, 0, encoded, X509_PREFIX.length, key.length);
			PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(publicKey);
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			// Not a point on the curve, or a signature that cannot be parsed.
			return false;
		}
	}

	/**
	 * The netstrings ({@code <length>:<UTF-8 bytes>,}) of {@code fields}, null as empty.
	 */
	static byte[] netstrings(@Nullable String... fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		for (String field : fields) {
			byte[] bytes = (field != null) ? field.getBytes(StandardCharsets.UTF_8) : new byte[0];
			out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(bytes);
			out.write(',');
		}
		return out.toByteArray();
	}

	private static byte @Nullable [] decode(@Nullable String base64url) {
		if (base64url == null || base64url.length() > 128) {
			return null;
		}
		try {
			return Base64.getUrlDecoder().decode(base64url);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
