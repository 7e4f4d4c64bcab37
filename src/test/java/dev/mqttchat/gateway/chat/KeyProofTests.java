package dev.mqttchat.gateway.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key proof against the vector of docs/api.md ("Author keys in presence"), which the
 * page's unit tests check too: RFC 8032's first test key signs a nonce of the bytes 0 to
 * 31.
 */
class KeyProofTests {

	static final String NONCE = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

	static final String SIG = "MBSGDxon1ifVbNgzK3u6OpqsxuCnJW7v5b0gj_psf4XHcbO22k2NEXEtmK-4VwowxHC7ejPaFMheMR74HF-VBw";

	@Test
	void theDocumentedVectorHolds() {
		assertThat(new String(KeyProof.signedBytes(NONCE), StandardCharsets.UTF_8))
			.isEqualTo("15:mqtt-chat-key/1,43:" + NONCE + ",");
		assertThat(KeyProof.holds(AuthorSignatureTests.AUTHOR, NONCE, SIG)).isTrue();
	}

	@Test
	void aProofHoldsForNoOtherNonceKeyOrFormAndAMessageSignatureIsNoProof() {
		String otherNonce = "AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
		assertThat(KeyProof.holds(AuthorSignatureTests.AUTHOR, otherNonce, SIG)).isFalse();
		assertThat(KeyProof.holds("A" + AuthorSignatureTests.AUTHOR.substring(1), NONCE, SIG)).isFalse();
		assertThat(KeyProof.holds(AuthorSignatureTests.AUTHOR + "=", NONCE, SIG)).as("padded: another text").isFalse();
		assertThat(KeyProof.holds(AuthorSignatureTests.AUTHOR, NONCE, null)).isFalse();
		assertThat(KeyProof.holds(AuthorSignatureTests.AUTHOR, NONCE, AuthorSignatureTests.SIG)).isFalse();
	}

	@Test
	void noncesAreFreshAndUnpaddedBase64UrlOf32Bytes() {
		assertThat(KeyProof.newNonce()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(KeyProof.newNonce());
	}

	@Test
	void hostileKeysAndSignaturesAreNoProofAndThrowNothing() {
		String loneSurrogate = "\uD800";
		List<String> hostile = List.of("", loneSurrogate, loneSurrogate.repeat(43), "é".repeat(43),
				"+/".repeat(21) + "A", "A".repeat(43) + "\u0000", "x".repeat(1_000_000), "{\"author\":1}", "-1",
				"null");
		for (String value : hostile) {
			assertThat(KeyProof.holds(value, NONCE, SIG)).as("author %.20s", value).isFalse();
			assertThat(KeyProof.holds(AuthorSignatureTests.AUTHOR, NONCE, value)).as("sig %.20s", value).isFalse();
			assertThat(KeyProof.holds(AuthorSignatureTests.AUTHOR, value, SIG)).as("nonce %.20s", value).isFalse();
		}
	}

}
