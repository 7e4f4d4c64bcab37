package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice replies to Bob from her browser; Bob sees the quote, and a click on a quote finds
 * the original even when it is older than what the page has loaded.
 */
class RepliesBrowserTests extends BrowserTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private Browser alice;

	private Browser bob;

	@BeforeEach
	void startBrowsers() {
		this.alice = Browser.start();
		this.bob = Browser.start();
	}

	@AfterEach
	void quitBrowsers() {
		List<String> errors = this.alice.consoleErrors();
		this.alice.close();
		this.bob.close();
		assertThat(errors).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void aliceRepliesToBobAndBobSeesWhatSheAnswered() {
		ChatPage bobPage = page(this.bob).open("/").setUsername("Bob");
		String roomId = bobPage.createRoom("Lunch");
		ChatPage alicePage = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
		alicePage.awaitStatus("connected");
		bobPage.send("lunch at noon?");
		WebElement original = alicePage.awaitMessage("lunch at noon?");

		ChatPage.reveal(original).findElement(By.cssSelector("button.reply-action")).click();
		assertThat(alicePage.find("#reply-label").getText()).isEqualTo("Replying to Bob: lunch at noon?");
		alicePage.send("noon is fine");

		WebElement reply = bobPage.awaitMessage("noon is fine");
		WebElement quote = reply.findElement(By.cssSelector(".reply-quote"));
		bobPage.waiting(WAIT).until((driver) -> quote.getText().equals("Bob: lunch at noon?"));
		assertThat(alicePage.find("#reply-bar").isDisplayed()).as("the next message answers none").isFalse();
		this.bob.screenshot("desktop-reply");
	}

	@Test
	void aClickOnAQuoteLoadsOlderMessagesUntilTheOriginalIsThere() throws Exception {
		String roomId = createRoomOverRest("Long thread");
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (int i = 1; i <= 70; i++) {
				peer.publish("message " + i);
			}
			List<JsonNode> stored = awaitStored(roomId, 70);
			String first = stored.get(0).path("id").asString();
			String last = stored.get(69).path("id").asString();
			peer.publish("{\"username\":\"eve\",\"text\":\"about the first one\",\"replyTo\":\"" + first + "\"}");
			awaitStored(roomId, 71);
			peer.publish("{\"username\":\"eve\",\"text\":\"about the last one\",\"replyTo\":\"" + last + "\"}");
			awaitStored(roomId, 72);
			ChatPage page = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
			WebElement reply = page.awaitMessage("about the first one");
			WebElement newest = page.awaitMessage("about the last one");
			assertThat(page.shownTexts()).doesNotContain("message 1");

			// An original near the end cannot be centred in the list: the page itself
			// must
			// not make up the difference.
			newest.findElement(By.cssSelector(".reply-quote")).click();
			page.waiting(WAIT).until((driver) -> page.inConversationView("li.message[data-id='" + last + "']"));
			assertPageNotShifted(page);

			reply.findElement(By.cssSelector(".reply-quote")).click();

			page.awaitMessage("message 1");
			page.waiting(WAIT).until((driver) -> page.inViewport("li.message[data-id='" + first + "']"));
			assertThat(reply.findElement(By.cssSelector(".reply-quote")).getText()).isEqualTo("MQTT client: message 1");
			assertThat(page.inConversationView("li.message[data-id='" + first + "']")).isTrue();
			assertPageNotShifted(page);

			// On a phone too.
			this.alice.phone(390, 740);
			page.script("document.getElementById('scroller').scrollTop = 1e9;");
			newest.findElement(By.cssSelector(".reply-quote")).click();
			page.waiting(WAIT).until((driver) -> page.inConversationView("li.message[data-id='" + last + "']"));
			assertPageNotShifted(page);
			this.alice.desktop();
		}
	}

	@Test
	void aThreadPanelShowsTheRootAndItsThreeRepliesAndTakesRepliesOfItsOwn() throws Exception {
		String roomId = createRoomOverRest("Release");
		try (MqttPeer peer = mqttPeer(roomId)) {
			peer.publish("{\"username\":\"bob\",\"text\":\"release today?\"}");
			String root = awaitStored(roomId, 1).get(0).path("id").asString();
			peer.publish("{\"username\":\"eve\",\"text\":\"after the fix\",\"replyTo\":\"" + root + "\"}");
			String first = awaitStored(roomId, 2).get(1).path("id").asString();
			peer.publish("{\"username\":\"bob\",\"text\":\"which fix?\",\"replyTo\":\"" + first + "\"}");
			awaitStored(roomId, 3);
			ChatPage alice = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
			ChatPage bob = page(this.bob).open("/").setUsername("Bob").open("/rooms/" + roomId);
			alice.awaitStatus("connected");
			WebElement rootItem = alice.awaitMessage("release today?");
			WebElement count = rootItem.findElement(By.cssSelector("button.thread-replies"));
			assertThat(count.getText()).isEqualTo("2 replies");

			count.click();
			WebElement panel = alice.find("#thread-panel");
			alice.waiting(WAIT).until((driver) -> panel.isDisplayed() && threadTexts(alice).size() == 3);
			assertThat(panel.getTagName()).as("a complementary region").isEqualTo("aside");
			assertThat(alice.find("#thread-title").getText()).isEqualTo("Thread: release today?");
			assertThat(threadTexts(alice)).containsExactly("release today?", "after the fix", "which fix?");
			// Answering one of the replies: it stays in the root's thread.
			alice.findAll("#thread-messages li.message").get(1).findElement(By.cssSelector(".reply-action")).click();
			assertThat(alice.find("#thread-reply-label").getText()).isEqualTo("Replying to eve: after the fix");
			assertThat(alice.findAll("#thread-messages .reply-quote").get(1).getText()).isEqualTo("eve: after the fix");
			alice.find("#thread-message").sendKeys("tonight then", Keys.ENTER);

			alice.waiting(WAIT).until((driver) -> threadTexts(alice).size() == 4);
			assertThat(threadTexts(alice)).last().isEqualTo("tonight then");
			alice.waiting(WAIT).until((driver) -> count.getText().equals("3 replies"));
			WebElement bobsCount = bob.awaitMessage("release today?")
				.findElement(By.cssSelector("button.thread-replies"));
			bob.waiting(WAIT).until((driver) -> bobsCount.getText().equals("3 replies"));
			JsonNode sent = awaitStored(roomId, 4).get(3);
			assertThat(sent.path("replyTo").asString()).isEqualTo(first);
			assertThat(sent.path("threadId").asString()).isEqualTo(root);
			this.alice.screenshot("desktop-thread");

			// Bob follows the thread while Alice, her panel closed, edits her reply in
			// the
			// conversation.
			bobsCount.click();
			bob.waiting(WAIT).until((driver) -> threadTexts(bob).size() == 4);
			alice.find("#thread-message").sendKeys(Keys.ESCAPE);
			alice.waiting(WAIT).until((driver) -> !alice.find("#thread-panel").isDisplayed());
			assertThat(alice.activeElementClass()).contains("thread-replies");
			WebElement own = alice.awaitMessage("tonight then");
			ChatPage.reveal(own).findElement(By.xpath(".//button[normalize-space()='Edit']")).click();
			own.findElement(By.cssSelector("textarea[aria-label='Edit message']"))
				.sendKeys(Keys.chord(Keys.CONTROL, "a"), "tomorrow then", Keys.ENTER);
			bob.waiting(WAIT)
				.until((driver) -> threadTexts(bob)
					.equals(List.of("release today?", "after the fix", "which fix?", "tomorrow then")));

			// Replies collapsed into their count: remembered when the page opens again.
			alice.find("#show-thread-replies").click();
			assertThat(shownReplies(alice)).isZero();
			alice.open("/rooms/" + roomId).awaitMessage("release today?");
			assertThat(alice.find("#show-thread-replies").isSelected()).isFalse();
			alice.waiting(WAIT)
				.until((driver) -> alice.findAll("#messages li.thread-reply").size() == 3 && shownReplies(alice) == 0);
			assertThat(alice.find("#messages button.thread-replies").getText()).isEqualTo("3 replies");
		}
	}

	/**
	 * The texts in the thread panel, read in one script call (its items are replaced as
	 * they change).
	 */
	@SuppressWarnings("unchecked")
	private static List<String> threadTexts(ChatPage page) {
		return (List<String>) page.script("return [...document.querySelectorAll('#thread-messages li.message')]"
				+ ".map((item) => item.querySelector('.text').textContent);");
	}

	private static long shownReplies(ChatPage page) {
		return page.findAll("#messages li.thread-reply").stream().filter(WebElement::isDisplayed).count();
	}

	/**
	 * Only the message list scrolled: the page itself did not, so the top bar is where it
	 * was.
	 */
	private static void assertPageNotShifted(ChatPage page) {
		assertThat(((Number) page.script("return document.scrollingElement.scrollTop + document.body.scrollTop;"))
			.doubleValue()).as("the page itself scrolled").isZero();
		assertThat(((Number) page.script("return document.querySelector('.topbar').getBoundingClientRect().top;"))
			.doubleValue()).as("the top bar's position").isZero();
		assertThat(page.script("const scrolled = [];"
				+ "for (let e = document.getElementById('scroller').parentElement; e; e = e.parentElement) {"
				+ "  if (e.scrollTop !== 0) { scrolled.push(e.tagName + '.' + e.className); } }" + "return scrolled;"))
			.as("containers of the list that scrolled")
			.asList()
			.isEmpty();
	}

}
