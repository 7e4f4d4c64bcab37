package dev.mqttchat.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An Ed25519 key pair that signs message bodies as docs/protocol.md says a client does,
 * written from that document rather than from the gateway's code.
 */
public final class AuthorKey {

	private final KeyPair pair;

	private AuthorKey(KeyPair pair) {
		this.pair = pair;
	}

	/** A new random key. */
	public static AuthorKey generate() throws GeneralSecurityException {
		return new AuthorKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
	}

	/** The public key as a message's {@code author}: base64url of its 32 raw bytes. */
	public String author() {
		byte[] encoded = this.pair.getPublic().getEncoded();
		return base64url(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
	}

	/**
	 * {@code body} (with {@code username} and {@code clientMsgId}) plus {@code author}
	 * and {@code sig} for room {@code roomId}.
	 */
	public Map<String, Object> sign(String roomId, Map<String, Object> body) throws GeneralSecurityException {
		Map<String, Object> signed = new LinkedHashMap<>(body);
		signed.put("author", author());
		signed.put("sig", signature(roomId, signed));
		return signed;
	}

	/** The signature of {@code body}'s fields in room {@code roomId}, base64url. */
	public String signature(String roomId, Map<String, Object> body) throws GeneralSecurityException {
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(this.pair.getPrivate());
		signer.update(signedBytes(roomId, body));
		return base64url(signer.sign());
	}

	/**
	 * The key's proof for a session's {@code nonce}, base64url: its signature over the
	 * netstrings of {@code mqtt-chat-key/1} and the nonce (docs/api.md, "Author keys in
	 * presence").
	 */
	public String proof(String nonce) throws GeneralSecurityException {
		byte[] nonceBytes = nonce.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("15:mqtt-chat-key/1," + nonceBytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(nonceBytes);
		out.write(',');
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(this.pair.getPrivate());
		signer.update(out.toByteArray());
		return base64url(signer.sign());
	}

	/** The netstrings of the signed fields, as the protocol document lists them. */
	public static byte[] signedBytes(String roomId, Map<String, Object> body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Object type = body.getOrDefault("type", "message");
		for (Object field : new Object[] { "mqtt-chat/1", roomId, body.get("clientMsgId"), body.get("username"), type,
				body.get("target"), text(body), body.get("replyTo"), body.get("emoji"), attachments(body) }) {
			byte[] bytes = (field != null) ? field.toString().getBytes(StandardCharsets.UTF_8) : new byte[0];
			out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(bytes);
			out.write(',');
		}
		return out.toByteArray();
	}

	/** The text, or where it is sealed {@code v.kid.iv.ciphertext}. */
	private static @Nullable Object text(Map<String, Object> body) {
		return (body.get("ciphertext") != null)
				? body.get("v") + "." + body.get("kid") + "." + body.get("iv") + "." + body.get("ciphertext")
				: body.get("text");
	}

	private static @Nullable String attachments(Map<String, Object> body) {
		return (body.get("attachments") instanceof List<?> ids && !ids.isEmpty())
				? String.join(",", ids.stream().map(String::valueOf).toList()) : null;
	}

	private static String base64url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
