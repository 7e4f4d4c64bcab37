package dev.mqttchat.gateway.testsupport;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Asks the local Docker engine, through its command-line client, whether it holds the
 * images a test needs.
 */
class DockerImageCondition implements ExecutionCondition {

	private static final String RYUK = "testcontainers/ryuk:0.14.0";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return AnnotationSupport.findAnnotation(context.getElement(), EnabledIfDockerImagePresent.class)
			.map((annotation) -> evaluate(annotation.value()))
			.orElse(ConditionEvaluationResult.enabled("no image required"));
	}

	private static ConditionEvaluationResult evaluate(String image) {
		for (String needed : new String[] { image, RYUK }) {
			if (!isPresent(needed)) {
				return ConditionEvaluationResult.disabled("Docker image " + needed
						+ " is not present locally (or no Docker engine runs): container test skipped");
			}
		}
		return ConditionEvaluationResult.enabled("images present");
	}

	private static boolean isPresent(String image) {
		try {
			Process inspect = new ProcessBuilder("docker", "image", "inspect", "--format", "{{.Id}}", image)
				.redirectErrorStream(true)
				.start();
			inspect.getInputStream().readAllBytes();
			return inspect.waitFor(20, TimeUnit.SECONDS) && inspect.exitValue() == 0;
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
