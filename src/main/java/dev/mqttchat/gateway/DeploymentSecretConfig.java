package dev.mqttchat.gateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the deployment's secret from the database, making it on the first start of the
 * first instance.
 */
@Configuration(proxyBeanMethods = false)
public class DeploymentSecretConfig {

	private static final String NAME = "mqtt";

	@Bean
	DeploymentSecret deploymentSecret(JdbcClient jdbc) {
		Optional<String> stored = read(jdbc);
		if (stored.isEmpty()) {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			try {
				jdbc.sql("INSERT INTO deployment_secret (name, secret) VALUES (:name, :secret)")
					.param("name", NAME)
					.param("secret", Base64.getEncoder().encodeToString(secret))
					.update();
			}
			catch (DuplicateKeyException ex) {
				// Another instance starting at the same moment made it first: theirs
				// wins.
			}
			stored = read(jdbc);
		}
		return new DeploymentSecret(Base64.getDecoder().decode(stored.orElseThrow()));
	}

	private static Optional<String> read(JdbcClient jdbc) {
		return jdbc.sql("SELECT secret FROM deployment_secret WHERE name = :name")
			.param("name", NAME)
			.query(String.class)
			.optional();
	}

}
