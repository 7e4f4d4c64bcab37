package dev.mqttchat.gateway.web.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incoming webhooks on the page: the room's owner creates one under the room link's
 * strip, a job posts through it, and the message shows with a "bot" badge; a reader
 * without the owner token has no Webhooks button.
 */
class WebhookBrowserTests extends BrowserTestSupport {

	private static Browser alice;

	private static Browser bob;

	@BeforeAll
	static void startBrowsers() {
		alice = Browser.start();
		bob = Browser.start();
	}

	@AfterAll
	static void quitBrowsers() {
		try (Browser a = alice; Browser b = bob) {
			// Closing both even if one fails.
		}
	}

	@AfterEach
	void noScriptErrors() {
		assertThat(alice.consoleErrors()).as("script errors or CSP violations in Alice's browser").isEmpty();
		assertThat(bob.consoleErrors()).as("script errors or CSP violations in Bob's browser").isEmpty();
	}

	@Test
	void theOwnerCreatesAWebhookAndItsPostShowsAsABot() throws Exception {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		a.createRoom("Builds");
		String link = a.copyLink();
		WebElement webhooks = a.find("#share button[aria-controls='webhooks']");
		a.waiting().until((driver) -> webhooks.isDisplayed());
		webhooks.click();
		a.waiting().until((driver) -> "No webhooks yet.".equals(status(a)));
		a.find("#webhook-name").sendKeys("CI");
		a.find("#webhooks button:not(.secondary)").click();
		WebElement curl = a.waiting()
			.until((driver) -> a.findAll("#webhooks pre code").stream().findFirst().orElse(null));
		String line = curl.getText();
		assertThat(line).startsWith("curl -X POST");
		String url = line.substring(line.lastIndexOf(" '") + 2, line.length() - 1);
		assertThat(url).startsWith(baseUrl() + "/hooks/");
		assertThat(a.findAll("#webhooks li")).singleElement()
			.satisfies((item) -> assertThat(item.getText()).startsWith("CI, created"));
		alice.screenshot("desktop-webhooks");

		ChatPage b = page(bob).open(link).setUsername("Bob Baker").awaitStatus("connected");
		b.copyLink();
		assertThat(b.find("#share button[aria-controls='webhooks']").isDisplayed())
			.as("only the owner's browser manages webhooks")
			.isFalse();

		HttpResponse<String> posted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Build 42 passed\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
		WebElement message = b.awaitMessage("Build 42 passed");
		assertThat(ChatPage.senderOf(message)).isEqualTo("CI");
		assertThat(message.findElement(By.cssSelector(".badge.bot")).getDomProperty("textContent")).isEqualTo("bot");
		a.awaitMessage("Build 42 passed");

		a.find("#webhooks li button").click();
		a.waiting().until((driver) -> "CI revoked.".equals(status(a)));
		assertThat(a.findAll("#webhooks li")).isEmpty();
	}

	/**
	 * The panel's status line, read in one script call: the panel is redrawn after each
	 * change.
	 */
	private static Object status(ChatPage page) {
		return page.script("return document.querySelector('#webhooks [role=status]')?.textContent ?? null;");
	}

}
