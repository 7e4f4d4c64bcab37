package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.mqttchat.gateway.auth.OidcGatewayTestBase;
import dev.mqttchat.gateway.testsupport.OidcProvider;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in as a person does: Chromium follows Sign in to the test provider's login
 * page, types a password there, and comes back signed in under the provider's name; a
 * members room stays invisible to someone else signed in.
 */
@ExtendWith(ChromiumAvailable.class)
class SignInBrowserTests extends OidcGatewayTestBase {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	private final List<Browser> browsers = new java.util.ArrayList<>();

	@AfterEach
	void quitBrowsers() {
		List<String> errors = this.browsers.isEmpty() ? List.of() : this.browsers.get(0).consoleErrors();
		this.browsers.forEach(Browser::close);
		assertThat(errors).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void aPersonSignsInAtTheProviderChatsUnderThatNameAndSignsOut() {
		ChatPage alice = signedIn("alice");
		assertThat(alice.find("#username").isDisplayed()).as("the name cannot be typed").isFalse();

		alice.createRoom("signed in");
		alice.awaitStatus("connected").send("hello from alice");
		assertThat(ChatPage.senderOf(alice.awaitMessage("hello from alice"))).isEqualTo("alice (you)");
		this.browsers.get(0).screenshot("desktop-signed-in");

		alice.find("#sign-out").click();
		alice.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
		assertThat(alice.find("body").getAttribute("data-auth")).isEqualTo("signed-out");
	}

	@Test
	void aMembersRoomIsInvisibleToSomeoneElseSignedIn() {
		ChatPage alice = signedIn("alice");
		alice.find("#room-members").click();
		String roomId = alice.createRoom("members only");
		alice.awaitStatus("connected").send("for members");
		alice.awaitMessage("for members");

		ChatPage bob = signedIn("bob");
		bob.open("/rooms/" + roomId);

		bob.waiting(WAIT).until((driver) -> "complete".equals(bob.script("return document.readyState;")));
		assertThat((String) bob.script("return document.body.innerText;")).doesNotContain("for members",
				"members only");
		assertThat(bob.findAll("#messages li.message")).isEmpty();
	}

	private ChatPage signedIn(String user) {
		Browser browser = Browser.start();
		this.browsers.add(browser);
		// 127.0.0.1, not localhost: the provider lets loopback redirect URIs use any
		// port.
		ChatPage page = new ChatPage(browser.driver(), "http://127.0.0.1:" + this.port).open("/");
		page.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
		page.waiting(WAIT).until(ExpectedConditions.urlContains(OidcProvider.shared().issuer() + "/login"));
		browser.driver().findElement(By.id("username")).sendKeys(user);
		browser.driver().findElement(By.id("password")).sendKeys(OidcProvider.password(user));
		browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
		page.waiting(WAIT).until(ExpectedConditions.textToBe(By.id("signed-in-name"), user));
		return page;
	}

}
