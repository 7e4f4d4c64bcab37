package dev.mqttchat.gateway.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VAPID header (RFC 8292): an ES256 JWT for the endpoint's origin, valid for 12
 * hours, with the contact, and the public key push services check it with.
 */
class VapidTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theTokenIsSignedForTheEndpointsOrigin() throws Exception {
		KeyPair pair = P256.generate();
		Instant now = Instant.parse("2026-12-07T01:00:00Z");
		Vapid vapid = new Vapid((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate(),
				"mailto:ops@chat.example", this.json, Clock.fixed(now, ZoneOffset.UTC));

		String header = vapid.authorization(URI.create("https://fcm.googleapis.com/fcm/send/abc?x=1"));

		assertThat(header).startsWith("vapid t=").endsWith(", k=" + vapid.publicKey());
		String[] jwt = header.substring(8, header.indexOf(',')).split("\\.");
		assertThat(this.json.readValue(P256.fromBase64Url(jwt[0]), Map.class)).containsEntry("alg", "ES256");
		assertThat(this.json.readValue(P256.fromBase64Url(jwt[1]), Map.class))
			.containsEntry("aud", "https://fcm.googleapis.com")
			.containsEntry("sub", "mailto:ops@chat.example")
			.containsEntry("exp", (int) now.plusSeconds(12 * 3600).getEpochSecond());
		Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
		verifier.initVerify(P256.publicKey(P256.fromBase64Url(vapid.publicKey())));
		verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(P256.fromBase64Url(jwt[2]))).isTrue();
		assertThat(vapid.authorization(URI.create("https://fcm.googleapis.com/fcm/send/other"))).as("reused")
			.isEqualTo(header);
		assertThat(Vapid.origin(URI.create("http://127.0.0.1:8099/push/x"))).isEqualTo("http://127.0.0.1:8099");
	}

	@Test
	void aPublicKeyOfAnotherPairIsNoMatch() {
		KeyPair one = P256.generate();
		KeyPair other = P256.generate();

		assertThat(new Vapid((ECPublicKey) one.getPublic(), (ECPrivateKey) one.getPrivate(), "mailto:a@b.example",
				this.json, Clock.systemUTC())
			.matches()).isTrue();
		assertThat(new Vapid((ECPublicKey) other.getPublic(), (ECPrivateKey) one.getPrivate(), "mailto:a@b.example",
				this.json, Clock.systemUTC())
			.matches()).isFalse();
		assertThat(new Vapid((ECPublicKey) one.getPublic(), (ECPrivateKey) one.getPrivate(), "mailto:a@b.example",
				this.json, Clock.systemUTC())
			.toString()).doesNotContain(P256.base64Url(P256.raw((ECPrivateKey) one.getPrivate())));
	}

}
