package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page for keyboard and screen-reader users, and its density: the skip link and the
 * message list as one Tab stop, actions named after their message, Escape, drafts per
 * room, long messages collapsed, mentions of the reader highlighted.
 */
class PageKeysBrowserTests extends BrowserTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static Browser dana;

	@BeforeAll
	static void startBrowser() {
		dana = Browser.start();
	}

	@AfterAll
	static void quitBrowser() {
		dana.close();
	}

	@AfterEach
	void noScriptErrors() {
		assertThat(dana.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void theMessageBoxIsAFewKeysFromTheTopAndTheListIsOneTabStop() throws Exception {
		ChatPage page = page(dana).open("/").setUsername("Dana");
		String roomId = page.createRoom("Keys");
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (int i = 1; i <= 12; i++) {
				peer.publish("{\"username\":\"alice\",\"text\":\"note " + i + "\"}");
			}
			page.awaitMessage("note 12");
		}
		page.open("/rooms/" + roomId).awaitMessage("note 12");
		// The reader starts at the top of the page: the focus on a point before
		// everything
		// (a blur alone leaves Chrome's Tab starting point at the message box).
		page.script("const top = document.createElement('span'); top.tabIndex = -1;"
				+ " document.body.prepend(top); top.focus();");
		new Actions(dana.driver()).sendKeys(Keys.TAB).perform();
		assertThat(dana.driver().switchTo().activeElement().getAccessibleName()).as("the first stop")
			.isEqualTo("Skip to message box");

		int presses = 1;
		while (!"message".equals(page.activeElementId()) && presses < 10) {
			presses++;
			new Actions(dana.driver()).sendKeys("skip-link".equals(page.activeElementId()) ? Keys.ENTER : Keys.TAB)
				.perform();
		}
		assertThat(presses).as("keys from the top of the page to the message box").isLessThanOrEqualTo(5);

		// Back from the message box: the newest message is the list's one stop.
		assertThat(page.findAll("#messages li.message[tabindex='0']")).hasSize(1);
		int back = 0;
		while (!isMessageItem(page) && back < 6) {
			back++;
			new Actions(dana.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
		}
		assertThat(ChatPage.textOf(dana.driver().switchTo().activeElement())).isEqualTo("note 12");
		new Actions(dana.driver()).sendKeys(Keys.ARROW_UP).perform();
		WebElement previous = dana.driver().switchTo().activeElement();
		assertThat(ChatPage.textOf(previous)).isEqualTo("note 11");
		new Actions(dana.driver()).sendKeys(Keys.TAB).perform();
		assertThat(dana.driver().switchTo().activeElement().getAccessibleName()).as("its actions follow it")
			.isEqualTo("Reply to alice: note 11");
		assertThat(page.findAll("#messages li.message[tabindex='0']")).hasSize(1);
	}

	@Test
	void actionsAndReactionCountsAreNamedForScreenReaders() throws Exception {
		ChatPage page = page(dana).open("/").setUsername("Dana");
		String roomId = page.createRoom("Names");
		try (MqttPeer peer = mqttPeer(roomId)) {
			peer.publish("{\"username\":\"alice\",\"text\":\"lunch at noon?\"}");
			WebElement theirs = page.awaitMessage("lunch at noon?");
			page.send("the design review moves to Thursday afternoon, after the release");
			WebElement mine = page.awaitMessage("the design review moves to Thursday afternoon, after the release");
			assertThat(actionNames(theirs)).containsExactly("Reply to alice: lunch at noon?",
					"React to alice: lunch at noon?");
			page.waiting(WAIT)
				.until((driver) -> actionNames(mine).size() == 4 && actionNames(mine)
					.equals(List.of("Reply to your message: the design review moves to Thursday…",
							"React to your message: the design review moves to Thursday…",
							"Edit your message: the design review moves to Thursday…",
							"Delete your message: the design review moves to Thursday…")));

			String target = theirs.getDomAttribute("data-id");
			peer.publish("{\"type\":\"reaction\",\"target\":\"" + target + "\",\"emoji\":\"👍\",\"username\":\"bob\"}");
			page.waiting(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until((driver) -> !reactions(page).isEmpty());
			ChatPage.reveal(theirs).findElement(By.xpath(".//button[normalize-space()='React']")).click();
			theirs.findElement(By.xpath(".//button[normalize-space()='👍']")).click();
			page.waiting(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until((driver) -> "👍 2".equals(reactions(page).get(0).getText()));
			assertThat(reactions(page).get(0).getAccessibleName()).isEqualTo("👍 2: bob, Dana");
		}
	}

	@Test
	void escapeReturnsWhereTheReaderWasAndCancelsAReply() throws Exception {
		ChatPage page = page(dana).open("/").setUsername("Dana");
		String roomId = page.createRoom("Escape");
		try (MqttPeer peer = mqttPeer(roomId)) {
			peer.publish("{\"username\":\"alice\",\"text\":\"shall we?\"}");
			WebElement theirs = page.awaitMessage("shall we?");
			page.send("fix me");
			WebElement mine = page.awaitMessage("fix me");
			page.waiting(WAIT).until((driver) -> !mine.findElements(By.cssSelector(".message-action")).isEmpty());
			ChatPage.reveal(mine).findElement(By.xpath(".//button[normalize-space()='Edit']")).click();
			mine.findElement(By.cssSelector("textarea[aria-label='Edit message']")).sendKeys("fixed", Keys.ESCAPE);
			assertThat(page.script("return document.activeElement === arguments[0];", mine))
				.as("the focus is back on the message")
				.isEqualTo(true);
			assertThat(ChatPage.textOf(mine)).isEqualTo("fix me");

			ChatPage.reveal(theirs).findElement(By.cssSelector("button.reply-action")).click();
			assertThat(page.find("#reply-bar").isDisplayed()).isTrue();
			assertThat(page.activeElementId()).isEqualTo("message");
			new Actions(dana.driver()).sendKeys(Keys.ESCAPE).perform();
			assertThat(page.find("#reply-bar").isDisplayed()).as("Escape in the message box cancels the reply")
				.isFalse();
		}
	}

	@Test
	void aHalfTypedMessageIsKeptPerRoomUntilSentAndEnterInTheNameGoesToTheMessageBox() {
		ChatPage page = page(dana).open("/").setUsername("Dana");
		String first = page.createRoom("Drafts");
		page.find("#message").sendKeys("half a thought");
		page.open("/rooms/" + first).awaitStatus("connected");
		assertThat(page.find("#message").getDomProperty("value")).as("after a reload").isEqualTo("half a thought");

		String second = page.createRoom("Other drafts");
		assertThat(page.find("#message").getDomProperty("value")).as("another room, another draft").isEmpty();
		page.find("#recent-rooms a[href='/rooms/" + first + "']").click();
		page.waiting().until((driver) -> "half a thought".equals(page.find("#message").getDomProperty("value")));
		page.find("#message").sendKeys(" done", Keys.ENTER);
		page.awaitMessage("half a thought done");
		page.open("/rooms/" + first).awaitStatus("connected");
		assertThat(page.find("#message").getDomProperty("value")).as("sent, so no draft").isEmpty();

		WebElement name = page.find("#username");
		name.sendKeys(Keys.END, "!", Keys.ENTER);
		assertThat(page.activeElementId()).isEqualTo("message");
		assertThat(second).isNotEqualTo(first);
		name.sendKeys(Keys.BACK_SPACE, Keys.ENTER);
	}

	@Test
	void aLongMessageCollapsesAndAMentionOfTheReaderIsHighlighted() throws Exception {
		ChatPage page = page(dana).open("/").setUsername("Dana");
		String roomId = page.createRoom("Long");
		String longText = "word ".repeat(200).trim();
		try (MqttPeer peer = mqttPeer(roomId)) {
			peer.publish("{\"username\":\"alice\",\"text\":\"" + longText + "\"}");
			peer.publish("{\"username\":\"alice\",\"text\":\"@dana look at this\"}");
			WebElement mention = page.awaitMessage("@dana look at this");
			assertThat(mention.findElement(By.cssSelector("mark.mention")).getText()).isEqualTo("@dana");
		}
		WebElement item = page.confirmedMessages().get(0);
		WebElement text = item.findElement(By.cssSelector(".text"));
		WebElement toggle = item.findElement(By.cssSelector("button.show-more"));
		assertThat(toggle.getText()).isEqualTo("Show more");
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(height(page, text)).as("collapsed").isLessThan(scrollHeight(page, text));

		toggle.click();
		assertThat(toggle.getText()).isEqualTo("Show less");
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(height(page, text)).as("expanded").isEqualTo(scrollHeight(page, text));
		assertThat(text.getDomProperty("textContent")).isEqualTo(longText);
	}

	private static boolean isMessageItem(ChatPage page) {
		return Boolean.TRUE.equals(page.script("return document.activeElement.matches('li.message');"));
	}

	private static List<String> actionNames(WebElement item) {
		return item.findElements(By.cssSelector(".message-actions button"))
			.stream()
			.map(WebElement::getAccessibleName)
			.toList();
	}

	private static List<WebElement> reactions(ChatPage page) {
		return page.findAll("#messages li.message .reaction");
	}

	private static long height(ChatPage page, WebElement element) {
		return ((Number) page.script("return arguments[0].clientHeight;", element)).longValue();
	}

	private static long scrollHeight(ChatPage page, WebElement element) {
		return ((Number) page.script("return arguments[0].scrollHeight;", element)).longValue();
	}

}
