package dev.mqttchat.gateway.web;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the page's own unit tests ({@code frontend/test}) with Node's built-in test
 * runner, where Node exists.
 */
class FrontendUnitTests {

	@Test
	void frontendUnitTestsPass() throws Exception {
		assumeTrue(nodeAvailable(), "node not found on PATH: front-end unit tests skipped");
		// Node runs one file at a time on two cores by default; most of that time its
		// processes start or wait for timers, so four at once take half as long.
		Process node = new ProcessBuilder("node", "--test", "--test-concurrency=4", "frontend/test/")
			.redirectErrorStream(true)
			.start();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
		System.out.println(output);

		assertThat(node.exitValue()).as(output).isZero();
		assertThat(output).containsPattern("# pass [1-9]").contains("# fail 0");
	}

	private static boolean nodeAvailable() {
		if (!new File("frontend/test").isDirectory()) {
			return false;
		}
		try {
			Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			probe.getInputStream().readAllBytes();
			return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
