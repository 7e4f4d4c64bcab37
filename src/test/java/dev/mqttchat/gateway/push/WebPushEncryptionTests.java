package dev.mqttchat.gateway.push;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.WebPushCrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code aes128gcm} encryption against RFC 8291's worked example (section 5, appendix
 * A): the same keys and salt give the very bytes the RFC prints, which any browser opens;
 * and what it makes with fresh keys opens with the receiver's key alone.
 */
class WebPushEncryptionTests {

	private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";

	private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";

	private static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";

	private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";

	private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

	private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";

	private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";

	private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3v"
			+ "CYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qu"
			+ "lcy4a-fN";

	@Test
	void theRfcExampleIsReproducedByteForByte() {
		KeyPair sender = new KeyPair(P256.publicKey(P256.fromBase64Url(AS_PUBLIC)),
				P256.privateKey(P256.fromBase64Url(AS_PRIVATE)));

		byte[] body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8),
				P256.fromBase64Url(UA_PUBLIC), P256.fromBase64Url(AUTH), sender, P256.fromBase64Url(SALT), 0);

		assertThat(P256.base64Url(body)).isEqualTo(BODY);
	}

	@Test
	void theRfcExampleOpensWithTheReceiversKey() throws Exception {
		byte[] opened = WebPushCrypto.open(P256.fromBase64Url(BODY), P256.privateKey(P256.fromBase64Url(UA_PRIVATE)),
				P256.fromBase64Url(UA_PUBLIC), P256.fromBase64Url(AUTH));

		assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
	}

	@Test
	void freshKeysAndPaddingOpenToTheSameText() throws Exception {
		KeyPair receiver = P256.generate();
		byte[] receiverPublic = P256.raw((java.security.interfaces.ECPublicKey) receiver.getPublic());
		byte[] auth = new byte[16];

		byte[] first = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), receiverPublic, auth,
				1024);
		byte[] second = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), receiverPublic, auth,
				1024);

		assertThat(first).hasSize(16 + 4 + 1 + 65 + 1024 + 1 + 16).isNotEqualTo(second);
		assertThat(new String(WebPushCrypto.open(first, receiver.getPrivate(), receiverPublic, auth),
				StandardCharsets.UTF_8))
			.isEqualTo(PLAINTEXT);
	}

	@Test
	void aKeyOffTheCurveIsRefused() {
		byte[] point = P256.fromBase64Url(UA_PUBLIC);
		point[64] ^= 1;

		assertThatIllegalArgumentException().isThrownBy(() -> P256.publicKey(point))
			.withMessageContaining("not a point");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WebPushEncryption.encrypt(new byte[1], point, new byte[16], 0));
	}

}
