package dev.mqttchat.gateway.push;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.PushSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A VAPID key pair from the settings: taken when both keys are given and belong together,
 * refused at start-up otherwise (the database is not asked).
 */
class VapidKeysTests {

	private final JsonMapper json = JsonMapper.builder().build();

	// Never used: a configured pair does not touch the database.
	private final JdbcClient noDatabase = JdbcClient.create(new SimpleDriverDataSource());

	@Test
	void aConfiguredPairIsTheGatewaysKey() {
		KeyPair pair = P256.generate();
		String publicKey = P256.base64Url(P256.raw((ECPublicKey) pair.getPublic()));
		String privateKey = P256.base64Url(P256.raw((ECPrivateKey) pair.getPrivate()));

		Vapid vapid = VapidKeys.load(new PushSettings.Vapid(publicKey, privateKey, "https://chat.example/contact"),
				this.noDatabase, this.json);

		assertThat(vapid.publicKey()).isEqualTo(publicKey);
		assertThat(new PushSettings.Vapid(publicKey, privateKey, "mailto:a@b.example").toString())
			.doesNotContain(privateKey);
	}

	@Test
	void halfAPairOrTwoHalvesOfDifferentPairsStopStartUp() {
		KeyPair one = P256.generate();
		KeyPair other = P256.generate();
		String publicKey = P256.base64Url(P256.raw((ECPublicKey) one.getPublic()));
		String otherPrivate = P256.base64Url(P256.raw((ECPrivateKey) other.getPrivate()));

		assertThatIllegalStateException()
			.isThrownBy(() -> VapidKeys.load(new PushSettings.Vapid(publicKey, null, PushSettings.DEFAULT_SUBJECT),
					this.noDatabase, this.json))
			.withMessageContaining("go together");
		assertThatIllegalStateException()
			.isThrownBy(() -> VapidKeys.load(new PushSettings.Vapid(publicKey, otherPrivate, "mailto:a@b.example"),
					this.noDatabase, this.json))
			.withMessageContaining("does not belong");
		assertThatIllegalStateException()
			.isThrownBy(() -> VapidKeys.load(new PushSettings.Vapid("AAAA", otherPrivate, "mailto:a@b.example"),
					this.noDatabase, this.json))
			.withMessageContaining("not a P-256 key pair");
	}

}
