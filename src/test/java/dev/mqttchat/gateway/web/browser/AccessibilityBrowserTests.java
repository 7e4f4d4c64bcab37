package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import dev.mqttchat.gateway.testsupport.TestPictures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * axe-core's WCAG 2.1 A and AA rules over the page, in the light and the dark colour
 * scheme: the start page, a busy room, its reaction picker and its picture viewer.
 */
class AccessibilityBrowserTests extends BrowserTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static Browser erin;

	@BeforeAll
	static void startBrowser() {
		erin = Browser.start();
	}

	@AfterAll
	static void quitBrowser() {
		erin.close();
	}

	@AfterEach
	void noScriptErrors() {
		erin.desktop();
		assertThat(erin.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void theStartPageWithNoRoomOpenHasNoViolations() {
		ChatPage page = page(erin).open("/").setUsername("Erin");
		assertClean("the start page");

		// The check is no formality: a button without a name is reported.
		page.script("const b = document.createElement('button'); b.id = 'nameless'; document.body.append(b);");
		assertThat(AxeCheck.violations(erin.driver())).singleElement(STRING).startsWith("button-name (critical)");
		page.script("document.getElementById('nameless').remove();");
	}

	@Test
	void aBusyRoomItsReactionPickerAndItsPictureViewerHaveNoViolations() throws Exception {
		ChatPage page = page(erin).open("/").setUsername("Erin");
		String roomId = page.createRoom("Axe");
		try (MqttPeer peer = mqttPeer(roomId);
				MqttPeer presence = new MqttPeer(this.broker.url(), TOPIC_PREFIX + roomId + "/presence/axe-term");
				MqttPeer typing = new MqttPeer(this.broker.url(), TOPIC_PREFIX + roomId + "/typing")) {
			presence.publish("{\"username\":\"alice\",\"status\":\"online\"}");
			peer.publish("{\"username\":\"alice\",\"text\":\"lunch at noon? @erin\"}");
			peer.publish("{\"username\":\"alice\",\"text\":\"" + "word ".repeat(200).trim() + "\"}");
			peer.publish("from a terminal");
			WebElement question = page.awaitMessage("lunch at noon? @erin");
			WebElement terminal = page.awaitMessage("from a terminal");
			ChatPage.reveal(question).findElement(By.cssSelector("button.reply-action")).click();
			page.send("yes, see you there");
			assertThat(page.awaitMessage("yes, see you there").findElement(By.cssSelector(".reply-quote")).getText())
				.isEqualTo("alice: lunch at noon? @erin");
			page.send("I will book a table");
			WebElement mine = page.awaitMessage("I will book a table");
			page.waiting(WAIT)
				.until((driver) -> !mine.findElements(By.xpath(".//button[normalize-space()='Delete']")).isEmpty());
			peer.publish("{\"type\":\"reaction\",\"target\":\"" + question.getDomAttribute("data-id")
					+ "\",\"emoji\":\"👍\",\"username\":\"bob\"}");
			page.waiting(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until((driver) -> !page.findAll("#messages li.message .reaction").isEmpty());
			page.waiting(WAIT).until((driver) -> page.findAll("#roster li").size() == 2);
			assertThat(page.findAll("#messages li.message button.show-more")).hasSize(1);
			paste(page, TestPictures.png(120, 80));
			WebElement thumbnail = page.waiting(WAIT)
				.until((driver) -> page.findAll("#messages li.message:not(.pending) .pictures img")
					.stream()
					.filter((image) -> !"0".equals(image.getDomProperty("naturalWidth")))
					.findFirst()
					.orElse(null));

			typing.publish("{\"username\":\"alice\"}");
			page.waiting(WAIT).until((driver) -> !page.find("#typing").getText().isEmpty());
			// A reply being written, its bar above the message box.
			ChatPage.reveal(terminal).findElement(By.cssSelector("button.reply-action")).click();
			ChatPage.reveal(mine);
			assertClean("a busy room");

			ChatPage.reveal(question).findElement(By.xpath(".//button[normalize-space()='React']")).click();
			page.waiting(WAIT).until((driver) -> page.find(".reaction-picker").isDisplayed());
			assertClean("the reaction picker");
			page.find(".reaction-picker button").click();

			thumbnail.click();
			WebElement viewer = page.find("dialog.picture-viewer");
			page.waiting(WAIT).until((driver) -> viewer.isDisplayed());
			assertClean("the picture viewer");
			viewer.findElement(By.xpath(".//button[normalize-space()='Close']")).click();
		}
	}

	/** Runs axe in the light and then the dark colour scheme. */
	private void assertClean(String state) {
		for (String scheme : new String[] { "light", "dark" }) {
			if (scheme.equals("dark")) {
				erin.darkScheme();
			}
			else {
				erin.lightScheme();
			}
			assertThat(AxeCheck.violations(erin.driver())).as("axe violations on %s, %s scheme", state, scheme)
				.isEmpty();
		}
		erin.lightScheme();
	}

	private static void paste(ChatPage page, byte[] png) {
		page.script(
				"const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));"
						+ "const transfer = new DataTransfer();"
						+ "transfer.items.add(new File([bytes], 'plan.png', { type: 'image/png' }));"
						+ "document.getElementById('message').dispatchEvent("
						+ "new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));",
				Base64.getEncoder().encodeToString(png));
	}

}
