package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Formatted messages in a real browser: Markdown built into DOM nodes, a hostile corpus
 * rendered inert, and a code block's Copy button.
 */
class FormattingBrowserTests extends BrowserTestSupport {

	/** Markup, script and link attacks a sender might try, each sent as a message. */
	private static final List<String> XSS_CORPUS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
			"<svg onload=alert(3)><circle r=9/></svg>",
			"[click](javascript:alert(4)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
			"[x](JaVaScRiPt:alert(6)) <a href=\"javascript:alert(7)\">a</a>",
			"**<b>nested *<i onmouseover=alert(8)>broken</b>** markup*",
			"> <iframe src=javascript:alert(9)></iframe>\n- <object data=x></object>",
			"```html\n<script>alert(10)</script>\n```", "[ok](https://example.org/\"onmouseover=\"alert(11))",
			"<<script>script>alert(12)<</script>/script> `<style>*{display:none}</style>`");

	private static Browser alice;

	@BeforeAll
	static void startBrowser() {
		alice = Browser.start();
	}

	@AfterAll
	static void quitBrowser() {
		alice.close();
	}

	@Test
	void hostileMarkdownRendersInertAndEveryLinkIsWebOrMail() throws Exception {
		ChatPage page = page(alice).open("/").setUsername("Alice Archer");
		String roomId = page.createRoom("Formatting");
		page.awaitStatus("connected");
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (String attack : XSS_CORPUS) {
				peer.publish(attack);
			}
			peer.publish("**bold**, *em*, ~~gone~~, `code` and [docs](https://example.org/guide) for @bob");
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> page.confirmedMessages().size() == XSS_CORPUS.size() + 1);

		assertThat(page.findAll("#messages img, #messages script, #messages svg, #messages iframe, "
				+ "#messages object, #messages style, #messages b, #messages i, #messages [onmouseover]"))
			.as("elements from message text")
			.isEmpty();
		assertThat(page.script("return document.images.length;")).isEqualTo(0L);
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> page.driver().switchTo().alert());
		for (WebElement link : page.findAll("#messages .text a")) {
			assertThat(link.getDomAttribute("href")).as("a link's address").matches("(https?://|mailto:)\\S+");
			assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
		}
		WebElement formatted = page.confirmedMessages().get(XSS_CORPUS.size());
		assertThat(formatted.findElement(By.cssSelector(".text strong")).getText()).isEqualTo("bold");
		assertThat(formatted.findElement(By.cssSelector(".text em")).getText()).isEqualTo("em");
		assertThat(formatted.findElement(By.cssSelector(".text s")).getText()).isEqualTo("gone");
		assertThat(formatted.findElement(By.cssSelector(".text code")).getText()).isEqualTo("code");
		assertThat(formatted.findElement(By.cssSelector(".text a")).getText()).isEqualTo("docs");
		assertThat(formatted.findElement(By.cssSelector(".link-address")).getText())
			.isEqualTo(" (https://example.org/guide)");
		assertThat(formatted.findElement(By.cssSelector(".at-mention")).getText()).isEqualTo("@bob");
		// The code block of the corpus shows its script as text.
		assertThat(page.findAll("#messages pre code").get(0).getText()).isEqualTo("<script>alert(10)</script>");
		alice.screenshot("desktop-formatting");
	}

	@Test
	void codeBlockKeepsItsLanguageAndCopiesItsText() throws Exception {
		alice.driver()
			.executeCdpCommand("Browser.grantPermissions",
					Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
		ChatPage page = page(alice).open("/").setUsername("Alice Archer");
		String roomId = page.createRoom("Code");
		page.awaitStatus("connected");
		String code = "for (const n of [1, 2, 3]) {\n  console.log(n * 2); // a long line ".repeat(3) + "\n}";
		try (MqttPeer peer = mqttPeer(roomId)) {
			peer.publish("The fix:\n```js\n" + code + "\n```\nthen restart.");
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> page.findAll("#messages .code-block").size() == 1);
		WebElement block = page.find("#messages .code-block");
		assertThat(block.findElement(By.cssSelector(".code-lang")).getText()).isEqualTo("js");
		assertThat(block.findElement(By.cssSelector("pre")).getCssValue("overflow-x")).isEqualTo("auto");
		assertThat(block.findElement(By.cssSelector("pre code")).getDomProperty("textContent")).isEqualTo(code);

		WebElement copy = block.findElement(By.cssSelector("button.copy-code"));
		assertThat(copy.getDomAttribute("aria-label")).isEqualTo("Copy js code");
		copy.click();
		await().atMost(Duration.ofSeconds(5)).until(() -> "Copied".equals(copy.getText()));
		Object copied = alice.driver()
			.executeAsyncScript(
					"navigator.clipboard.readText().then(arguments[0], (e) => arguments[0]('failed: ' + e));");
		assertThat(copied).isEqualTo(code);
		alice.screenshot("desktop-code-block");
	}

}
