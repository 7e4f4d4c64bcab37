package dev.mqttchat.gateway.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.webjars.WebJarVersionLocator;

/**
 * axe-core (the test-scoped webjar) run in a page: the WCAG 2.0 and 2.1 level A and AA
 * rules, each violation as one line.
 */
final class AxeCheck {

	/** What axe checks: WCAG 2.0 and 2.1, levels A and AA. */
	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String SOURCE = load();

	private AxeCheck() {
	}

	/**
	 * Injects axe into the page (once per document) and returns its violations as "{id}
	 * ({impact}): {help} at {first targets}", empty when the page is clean.
	 */
	@SuppressWarnings("unchecked")
	static List<String> violations(JavascriptExecutor page) {
		if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
			page.executeScript(SOURCE);
		}
		return (List<String>) page.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
					.then((results) => done(results.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help
						+ ' at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')
						+ (v.nodes.length > 3 ? ' and ' + (v.nodes.length - 3) + ' more' : ''))))
					.catch((error) => done(['axe failed: ' + error]));
				""", TAGS);
	}

	private static String load() {
		String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
		try (InputStream in = AxeCheck.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(path + " not on the test class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
