package dev.mqttchat.gateway.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's VAPID identity (RFC 8292): its P-256 key pair, and the
 * {@code Authorization: vapid t=..., k=...} header for a push service, an ES256 JWT for
 * the endpoint's origin, kept for reuse until it nears its expiry.
 */
final class Vapid {

	/** A token is valid this long (push services accept at most 24 hours). */
	static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

	private static final Duration RENEW_BEFORE = Duration.ofHours(1);

	private final ECPublicKey publicKey;

	private final ECPrivateKey privateKey;

	private final String publicKeyText;

	private final String subject;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	Vapid(ECPublicKey publicKey, ECPrivateKey privateKey, String subject, JsonMapper json, Clock clock) {
		this.publicKey = publicKey;
		this.privateKey = privateKey;
		this.publicKeyText = P256.base64Url(P256.raw(publicKey));
		this.subject = subject;
		this.json = json;
		this.clock = clock;
	}

	/** The public key as browsers take it: base64url of the uncompressed point. */
	String publicKey() {
		return this.publicKeyText;
	}

	/** The {@code Authorization} header for a push to {@code endpoint}. */
	String authorization(URI endpoint) {
		String audience = origin(endpoint);
		Instant now = this.clock.instant();
		Token token = this.tokens.compute(audience,
				(key, held) -> (held != null && held.expires().minus(RENEW_BEFORE).isAfter(now)) ? held
						: sign(audience, now.plus(TOKEN_LIFETIME)));
		return "vapid t=" + token.jwt() + ", k=" + this.publicKeyText;
	}

	/** Whether the private key signs what the public key verifies: a matched pair. */
	boolean matches() {
		try {
			byte[] probe = "vapid key check".getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
			signer.initSign(this.privateKey);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
			verifier.initVerify(this.publicKey);
			verifier.update(probe);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** The origin of a URL as RFC 6454 serializes it: the JWT's audience. */
	static String origin(URI endpoint) {
		int port = endpoint.getPort();
		boolean defaultPort = port == -1 || (port == 443 && "https".equals(endpoint.getScheme()))
				|| (port == 80 && "http".equals(endpoint.getScheme()));
		return endpoint.getScheme() + "://" + endpoint.getHost() + (defaultPort ? "" : ":" + port);
	}

	private Token sign(String audience, Instant expires) {
		try {
			String header = encode(Map.of("typ", "JWT", "alg", "ES256"));
			String claims = encode(Map.of("aud", audience, "exp", expires.getEpochSecond(), "sub", this.subject));
			String unsigned = header + "." + claims;
			Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
			signer.initSign(this.privateKey);
			signer.update(unsigned.getBytes(StandardCharsets.US_ASCII));
			return new Token(unsigned + "." + P256.base64Url(signer.sign()), expires);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("ES256 is part of every JVM", ex);
		}
	}

	private String encode(Map<String, Object> object) {
		return P256.base64Url(this.json.writeValueAsBytes(object));
	}

	@Override
	public String toString() {
		// The private key must never reach a log line.
		return "Vapid[publicKey=" + this.publicKeyText + ", subject=" + this.subject + "]";
	}

	private record Token(String jwt, Instant expires) {
	}

}
