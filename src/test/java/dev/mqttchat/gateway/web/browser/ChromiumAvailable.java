package dev.mqttchat.gateway.web.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser tests, before any Spring context starts, where Chromium or its driver
 * is not installed.
 */
class ChromiumAvailable implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Path chromium = Path.of(Browser.CHROMIUM);
		Path driver = Path.of(Browser.CHROMEDRIVER);
		if (Files.isExecutable(chromium) && Files.isExecutable(driver)) {
			return ConditionEvaluationResult.enabled("Chromium at " + chromium + ", driver at " + driver);
		}
		return ConditionEvaluationResult.disabled("Chromium not installed: browser tests skipped (need " + chromium
				+ " and " + driver + "; apt-get install chromium chromium-driver)");
	}

}
