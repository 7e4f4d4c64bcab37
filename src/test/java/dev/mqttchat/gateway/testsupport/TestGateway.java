package dev.mqttchat.gateway.testsupport;

import java.util.Arrays;
import java.util.stream.Stream;

import dev.mqttchat.gateway.GatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole gateways for tests that need more than one, or one they stop themselves.
 * Settings are passed as command-line arguments, which outrank the shared test defaults
 * in {@code config/application.properties}.
 */
public final class TestGateway {

	private TestGateway() {
	}

	/** A gateway on a free port with these {@code key=value} settings. */
	public static ConfigurableApplicationContext start(String... settings) {
		return start(new String[0], settings);
	}

	/**
	 * A gateway on a free port with a database's arguments (see {@link TestDatabases})
	 * and these settings.
	 */
	public static ConfigurableApplicationContext start(String[] database, String... settings) {
		return new SpringApplicationBuilder(GatewayApplication.class).run(arguments(database, settings));
	}

	/**
	 * The command-line arguments {@link #start} passes, with {@code server.port=0} first.
	 */
	public static String[] arguments(String[] database, String... settings) {
		return Stream.of(Stream.of("server.port=0"), Arrays.stream(database), Arrays.stream(settings))
			.flatMap((part) -> part)
			.map((setting) -> setting.startsWith("--") ? setting : "--" + setting)
			.toArray(String[]::new);
	}

	/** The HTTP port the gateway listens on. */
	public static int port(ConfigurableApplicationContext gateway) {
		return ((WebServerApplicationContext) gateway).getWebServer().getPort();
	}

}
