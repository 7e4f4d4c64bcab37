package dev.mqttchat.gateway.push;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.PushSettings;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the VAPID key pair comes from: the settings when both keys are given, otherwise
 * the database, where the first instance to start makes it and every other one reads it,
 * so that a subscription made through one instance is honoured by all of them.
 */
final class VapidKeys {

	private static final Logger logger = LoggerFactory.getLogger(VapidKeys.class);

	private static final String NAME = "vapid";

	private VapidKeys() {
	}

	/**
	 * The gateway's VAPID identity.
	 * @throws IllegalStateException if the settings give one key without the other, or
	 * keys that are not a P-256 pair
	 */
	static Vapid load(PushSettings.Vapid settings, JdbcClient jdbc, JsonMapper json) {
		String publicText = blankToNull(settings.publicKey());
		String privateText = blankToNull(settings.privateKey());
		if ((publicText == null) != (privateText == null)) {
			throw new IllegalStateException("CHAT_PUSH_VAPID_PUBLICKEY and CHAT_PUSH_VAPID_PRIVATEKEY go together: "
					+ "set both, or neither to let the gateway make and keep a key pair");
		}
		if (PushSettings.DEFAULT_SUBJECT.equals(settings.subject())) {
			logger.info("Web Push: CHAT_PUSH_VAPID_SUBJECT is not set; push services see the placeholder contact {}",
					settings.subject());
		}
		Vapid vapid;
		if (publicText != null && privateText != null) {
			vapid = parse(publicText, privateText, settings.subject(), json, "CHAT_PUSH_VAPID_*");
		}
		else {
			String[] stored = stored(jdbc);
			vapid = parse(stored[0], stored[1], settings.subject(), json, "the database (push_vapid_key)");
		}
		if (!vapid.matches()) {
			throw new IllegalStateException("The VAPID public key does not belong to its private key");
		}
		return vapid;
	}

	private static String[] stored(JdbcClient jdbc) {
		Optional<String[]> stored = read(jdbc);
		if (stored.isEmpty()) {
			KeyPair pair = P256.generate();
			try {
				jdbc.sql("INSERT INTO push_vapid_key (name, public_key, private_key) VALUES (:name, :public, :private)")
					.param("name", NAME)
					.param("public", P256.base64Url(P256.raw((ECPublicKey) pair.getPublic())))
					.param("private", P256.base64Url(P256.raw((ECPrivateKey) pair.getPrivate())))
					.update();
				logger.info("Web Push: made the deployment's VAPID key pair");
			}
			catch (DuplicateKeyException ex) {
				// Another instance starting at the same moment made it first: theirs
				// wins.
			}
			stored = read(jdbc);
		}
		return stored.orElseThrow();
	}

	private static Optional<String[]> read(JdbcClient jdbc) {
		return jdbc.sql("SELECT public_key, private_key FROM push_vapid_key WHERE name = :name")
			.param("name", NAME)
			.query((row, index) -> new String[] { row.getString("public_key"), row.getString("private_key") })
			.optional();
	}

	private static Vapid parse(String publicText, String privateText, String subject, JsonMapper json, String source) {
		try {
			return new Vapid(P256.publicKey(P256.fromBase64Url(publicText)),
					P256.privateKey(P256.fromBase64Url(privateText)), subject, json, Clock.systemUTC());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"The VAPID keys from " + source + " are not a P-256 key pair in base64url "
							+ "(a 65-byte uncompressed public point, a 32-byte private scalar): " + ex.getMessage(),
					ex);
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
