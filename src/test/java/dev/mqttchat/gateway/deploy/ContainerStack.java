package dev.mqttchat.gateway.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stack someone else started, e.g. CI's compose stack of container images: named by
 * {@code CHAT_SMOKE_PROXY_URL}, {@code CHAT_SMOKE_MQTT_URL},
 * {@code CHAT_SMOKE_READINESS_URLS} (comma-separated) and {@code CHAT_SMOKE_STOP_ONE}, a
 * shell command that stops one gateway.
 */
record ContainerStack(String proxyUrl, String mqttUrl, List<String> readinessUrls,
		String stopCommand) implements SmokeStack {

	/** The stack the environment names, or {@code null} if it names none. */
	static @Nullable ContainerStack fromEnvironment() {
		String proxy = System.getenv("CHAT_SMOKE_PROXY_URL");
		if (proxy == null || proxy.isBlank()) {
			return null;
		}
		return new ContainerStack(proxy, required("CHAT_SMOKE_MQTT_URL"),
				Arrays.stream(required("CHAT_SMOKE_READINESS_URLS").split(",")).map(String::strip).toList(),
				required("CHAT_SMOKE_STOP_ONE"));
	}

	private static String required(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " must be set together with CHAT_SMOKE_PROXY_URL");
		}
		return value;
	}

	@Override
	public void stopOne() throws Exception {
		Process stop = new ProcessBuilder("sh", "-c", this.stopCommand).inheritIO().start();
		assertThat(stop.waitFor(60, TimeUnit.SECONDS)).as("%s finished", this.stopCommand).isTrue();
		assertThat(stop.exitValue()).as("exit status of %s", this.stopCommand).isZero();
	}

	@Override
	public void close() {
		// Whoever started the stack stops it.
	}

}
