package dev.mqttchat.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A random secret every instance of one deployment shares through the database, from
 * which names and passwords that must not be guessable from public facts are derived.
 */
public final class DeploymentSecret {

	private final SecretKeySpec key;

	DeploymentSecret(byte[] secret) {
		this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
	}

	/**
	 * The first {@code hexDigits} hex digits of HMAC-SHA-256 over {@code purpose}: the
	 * same on every instance of the deployment, different for every purpose, unknown to
	 * anyone without the secret.
	 */
	public String derive(String purpose, int hexDigits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			String hex = HexFormat.of().formatHex(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
			return hex.substring(0, Math.min(hexDigits, hex.length()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JVM", ex);
		}
	}

	@Override
	public String toString() {
		// The secret must never reach a log line.
		return "DeploymentSecret[******]";
	}

}
