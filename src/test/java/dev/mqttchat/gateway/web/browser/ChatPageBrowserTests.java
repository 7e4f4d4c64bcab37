package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The chat page in real browsers: chatting, MQTT peers, safe rendering, room links and
 * the phone layout.
 */
class ChatPageBrowserTests extends BrowserTestSupport {

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
	void noScriptErrorsThenBackToDesktop() {
		assertThat(alice.consoleErrors()).as("script errors or CSP violations in Alice's browser").isEmpty();
		assertThat(bob.consoleErrors()).as("script errors or CSP violations in Bob's browser").isEmpty();
		// Each test starts from a desktop-sized light page whatever the previous one
		// emulated.
		alice.desktop();
		bob.desktop();
	}

	@Test
	void twoBrowsersChatBothWaysInOneRoom() {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		assertThat(a.find("#welcome").isDisplayed()).isTrue();
		alice.screenshot("desktop-start");
		String roomId = a.createRoom("Design review");
		ChatPage b = page(bob).open("/rooms/" + roomId).setUsername("Bob Baker").awaitStatus("connected");
		assertThat(b.find("#room-title").getText()).isEqualTo("Design review");
		assertThat(b.find("#room-id").getText()).isEqualTo(roomId.substring(0, 8));

		a.send("Hi Bob, can you see this?");
		WebElement atBob = b.awaitMessage("Hi Bob, can you see this?");
		assertThat(ChatPage.senderOf(atBob)).isEqualTo("Alice Archer");
		assertThat(atBob.getDomAttribute("class")).doesNotContain("own");
		assertThat(atBob.findElement(By.cssSelector(".avatar")).getText()).isEqualTo("AA");
		assertThat(atBob.findElement(By.cssSelector("time")).getText()).matches("\\d{1,2}:\\d{2}(\\W?[AP]M)?");
		WebElement atAlice = a.awaitMessage("Hi Bob, can you see this?");
		assertThat(atAlice.getDomAttribute("class")).contains("own");
		assertThat(atAlice.findElement(By.cssSelector(".bubble")).getCssValue("background-color"))
			.isNotEqualTo(atBob.findElement(By.cssSelector(".bubble")).getCssValue("background-color"));

		// Shift+Enter makes a new line; Enter sends both lines as one message.
		b.send("Loud and clear.", Keys.chord(Keys.SHIFT, Keys.ENTER), "Second line.");
		WebElement reply = a.awaitMessage("Loud and clear.\nSecond line.");
		assertThat(ChatPage.senderOf(reply)).isEqualTo("Bob Baker");
		a.send("Great, let's start.");
		// Bob answers only once he has read it, so the order (and the grouping) is the
		// same on both pages.
		b.awaitMessage("Great, let's start.");
		b.send("Sharing my screen now.");
		b.send("Ready when you are.");
		WebElement grouped = a.awaitMessage("Ready when you are.");
		assertThat(grouped.getDomAttribute("class")).as("consecutive messages of one sender are grouped")
			.contains("continued");
		assertThat(a.findAll("#messages li.day")).extracting(WebElement::getText).containsExactly("Today");
		assertThat(a.find("#empty").isDisplayed()).isFalse();
		alice.screenshot("desktop-two-browsers");
	}

	@Test
	void browserAndPlainMqttClientChatBothWays() throws Exception {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String roomId = a.createRoom("Sensors");
		String topic = a.find("#room-topic").getText();
		assertThat(topic).as("the empty room tells terminal clients its topic").isEqualTo(TOPIC_PREFIX + roomId);
		assertThat(a.find("#empty").getText()).contains("No messages yet", a.driver().getCurrentUrl(), topic);
		alice.screenshot("desktop-empty-room");

		try (MqttPeer terminal = mqttPeer(roomId)) {
			terminal.publish("hello from a terminal");
			WebElement plain = a.awaitMessage("hello from a terminal");
			assertThat(ChatPage.senderOf(plain)).isEqualTo("MQTT client");
			assertThat(plain.findElement(By.cssSelector(".badge")).getText()).isEqualTo("MQTT");
			assertThat(plain.getDomAttribute("data-source")).isEqualTo("mqtt");

			terminal.publish("sensor-7 (dev1): temperature 21.5 °C");
			WebElement named = a.awaitMessage("temperature 21.5 °C");
			assertThat(ChatPage.senderOf(named)).isEqualTo("sensor-7");
			assertThat(named.findElements(By.cssSelector(".badge"))).hasSize(1);

			a.send("hello terminal");
			JsonNode atTerminal = terminal.awaitMessageWithText("hello terminal");
			assertThat(atTerminal.path("username").asString()).isEqualTo("Alice Archer");
			assertThat(atTerminal.path("source").asString()).isEqualTo("web");
			assertThat(a.awaitMessage("hello terminal").findElements(By.cssSelector(".badge"))).isEmpty();
		}
		alice.screenshot("desktop-mqtt-peer");
	}

	@Test
	void markupInAMessageIsShownAsTextAndNeverExecuted() {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String roomId = a.createRoom("Markup");
		ChatPage b = page(bob).open("/rooms/" + roomId).setUsername("Bob Baker").awaitStatus("connected");
		String attack = "<img src=x onerror=alert(1)>";

		a.send(attack);
		WebElement atBob = b.awaitMessage(attack);
		assertThat(a.awaitMessage(attack)).isNotNull();
		// A later message gives any error handler of a (wrongly) created image time to
		// have run.
		a.send("<script>alert(2)</script> and <b>not bold</b>");
		b.awaitMessage("<script>alert(2)</script> and <b>not bold</b>");

		for (ChatPage page : List.of(a, b)) {
			assertThat(page.findAll("#messages img, #messages script, #messages b")).isEmpty();
			assertThat(page.script("return document.images.length;")).isEqualTo(0L);
			assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> page.driver().switchTo().alert());
		}
		assertThat(atBob.findElement(By.cssSelector(".text")).getDomProperty("innerHTML"))
			.isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void linksInAMessageOpenOnlyWithNoopenerNoreferrer() {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String roomId = a.createRoom("Links");
		ChatPage b = page(bob).open("/rooms/" + roomId).setUsername("Bob Baker").awaitStatus("connected");

		a.send("Docs at https://example.org/guide?x=1. Not a link: javascript:alert(1)");
		WebElement message = b.awaitMessage("Docs at https://example.org/guide?x=1. Not a link: javascript:alert(1)");
		List<WebElement> links = message.findElements(By.cssSelector(".text a"));
		assertThat(links).hasSize(1);
		WebElement link = links.get(0);
		assertThat(link.getDomAttribute("href")).isEqualTo("https://example.org/guide?x=1");
		assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
		assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
		assertThat(link.getText()).isEqualTo("https://example.org/guide?x=1");
	}

	@Test
	void copiedLinkOpensTheSameRoomInASecondBrowser() {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String roomId = a.createRoom("Invite only");
		String link = a.copyLink();
		assertThat(link).isEqualTo(baseUrl() + "/rooms/" + roomId).isEqualTo(a.driver().getCurrentUrl());
		assertThat(a.find("#share-note").getText()).isNotBlank();
		alice.screenshot("desktop-copy-link");

		ChatPage b = page(bob).open(link).setUsername("Bob Baker").awaitStatus("connected");
		assertThat(b.find("#room-title").getText()).isEqualTo("Invite only");
		assertThat(b.find("#room-id").getText()).isEqualTo(roomId.substring(0, 8));
		b.send("I came through the link");
		assertThat(ChatPage.senderOf(a.awaitMessage("I came through the link"))).isEqualTo("Bob Baker");
		assertThat(b.findAll("#recent-rooms a[aria-current='page']")).extracting(WebElement::getText)
			.singleElement()
			.asString()
			.contains("Invite only");
	}

	@Test
	void recentRoomsSwitchRoomsInOneClick() throws Exception {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String first = a.createRoom("First room");
		a.send("in the first room");
		a.awaitMessage("in the first room");
		page(alice).open("/");
		String second = a.createRoom("Second room");
		assertThat(a.findAll("#messages li.message")).isEmpty();

		WebElement firstLink = a.find("#recent-rooms a[href='/rooms/" + first + "']");
		assertThat(firstLink.getText()).contains("First room");
		firstLink.click();
		a.waiting().until((driver) -> driver.getCurrentUrl().endsWith("/rooms/" + first));
		assertThat(a.find("#room-title").getText()).isEqualTo("First room");
		a.awaitStatus("connected");
		try (MqttPeer peer = mqttPeer(first)) {
			peer.publish("still subscribed after switching");
			a.awaitMessage("still subscribed after switching");
		}
		assertThat(a.find("#recent-rooms li:first-child a").getDomAttribute("href")).isEqualTo("/rooms/" + first);
		assertThat(a.find("#recent-rooms a[href='/rooms/" + second + "']").isDisplayed()).isTrue();
	}

	@Test
	void keyboardAloneCreatesARoomSendsAndCopiesTheLink() {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		a.script("document.activeElement.blur();");
		a.tabTo("room-name").sendKeys("Keyboard only", Keys.ENTER);
		a.waiting().until(ExpectedConditions.urlMatches("/rooms/[A-Za-z0-9]{16,64}$"));
		a.awaitStatus("connected");
		assertThat(a.activeElementId()).as("the message box has focus in a new room").isEqualTo("message");
		a.driver().switchTo().activeElement().sendKeys("typed without a mouse", Keys.ENTER);
		a.awaitMessage("typed without a mouse");

		a.tabTo("copy-link").sendKeys(Keys.ENTER);
		a.waiting().until((driver) -> a.find("#share-link").isDisplayed());
		assertThat(a.find("#share-link").getDomProperty("value")).isEqualTo(a.driver().getCurrentUrl());
		a.tabTo("message").sendKeys("second line follows", Keys.chord(Keys.SHIFT, Keys.ENTER), "here", Keys.ENTER);
		a.awaitMessage("second line follows\nhere");
	}

	@Test
	void hiddenTabCountsUnreadMessagesInTheTitle() throws Exception {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String roomId = a.createRoom("Background");
		assertThat(a.driver().getTitle()).isEqualTo("Background · MQTT chat");
		String chatTab = a.driver().getWindowHandle();
		// Another tab in front hides the chat tab; switching back would show it again, so
		// its title is read through DevTools from the front tab.
		a.driver().switchTo().newWindow(WindowType.TAB);
		try (MqttPeer peer = mqttPeer(roomId)) {
			peer.publish("first while away");
			peer.publish("second while away");
			a.waiting().until((driver) -> "(2) Background · MQTT chat".equals(titleOfTabShowing(alice, roomId)));
		}
		finally {
			closeOtherTabs(a, chatTab);
		}
		a.waiting().until(ExpectedConditions.titleIs("Background · MQTT chat"));
		assertThat(a.confirmedMessages()).extracting(ChatPage::textOf)
			.containsExactly("first while away", "second while away");
	}

	@Test
	void pastedLinkToAnUnknownRoomSaysNoRoomHasThisId() {
		ChatPage a = page(alice).open("/");
		WebElement field = a.find("#room-link");
		field.sendKeys(baseUrl() + "/rooms/" + "Z".repeat(22), Keys.ENTER);
		WebElement error = a.find("#start-error");
		a.waiting().until((driver) -> !error.getText().isBlank());
		assertThat(error.getText()).contains("No room has this id").doesNotContain("POST /api/rooms");
		assertThat(a.find("#chat").isDisplayed()).isFalse();
		alice.screenshot("desktop-start-unknown-room");
	}

	@Test
	void pastedMessageOverTheLimitIsKeptWholeAndNotSentUntilItFits() throws Exception {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String roomId = a.createRoom("Limits");
		assertThat(a.find("#remaining").getText()).isEqualTo("4000 characters left");
		a.find("#message").sendKeys("12345");
		assertThat(a.find("#remaining").getText()).isEqualTo("3995 characters left");
		a.find("#message").clear();

		// Nothing cuts what the reader pasted: the counter says how far over it is.
		a.paste("x".repeat(4003));
		assertThat(a.messageLength()).isEqualTo(4003);
		assertThat(a.find("#remaining").getText()).isEqualTo("3 characters over the limit");
		assertThat(a.find("#message").getDomAttribute("aria-invalid")).isEqualTo("true");

		// Send refuses with the reason and keeps the text; nothing leaves the page.
		a.find("#message").sendKeys(Keys.ENTER);
		WebElement error = a.find("#chat-error");
		assertThat(error.getText()).isEqualTo("Too long: 3 characters over the 4000 limit");
		a.find("#send").click();
		assertThat(error.getText()).isEqualTo("Too long: 3 characters over the 4000 limit");
		assertThat(a.messageLength()).isEqualTo(4003);
		assertThat(a.findAll("#messages li.pending")).isEmpty();
		alice.screenshot("desktop-too-long");

		// The reason follows the text while it is shortened, and goes once it fits.
		a.find("#message").sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.BACK_SPACE, Keys.BACK_SPACE);
		assertThat(error.getText()).isEqualTo("Too long: 1 character over the 4000 limit");
		a.find("#message").sendKeys(Keys.BACK_SPACE);
		assertThat(a.find("#remaining").getText()).isEqualTo("0 characters left");
		assertThat(error.getText()).isEmpty();
		assertThat(a.find("#message").getDomAttribute("aria-invalid")).isNull();
		assertThat(storedMessages(roomId)).as("nothing was sent while too long").isEmpty();

		a.find("#message").sendKeys(Keys.ENTER);
		a.awaitMessage("x".repeat(4000));
		assertThat(awaitStored(roomId, 1)).singleElement()
			.satisfies((stored) -> assertThat(stored.path("text").asString()).hasSize(4000));
	}

	@Test
	void messageTheServerRejectsAsTooLongSaysSoOnceAndOffersOnlyEdit() {
		// A page that believes the limit is higher than the server's (as one loaded
		// before the limit was lowered would): the server's own check refuses the text.
		Map<String, Object> script = alice.driver()
			.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
					document.addEventListener("readystatechange", () => {
					  if (document.readyState === "interactive") { document.body.dataset.maxText = "5000"; }
					});
					"""));
		try {
			ChatPage a = page(alice).open("/").setUsername("Alice Archer");
			a.createRoom("Server limits");
			assertThat(a.find("#remaining").getText()).isEqualTo("5000 characters left");
			a.paste("y".repeat(4001));
			a.find("#message").sendKeys(Keys.ENTER);

			WebElement notSent = a.awaitNotSent();
			assertThat(notSent.getText())
				.contains("Not sent: The message text has 4001 UTF-16 code units; the limit is 4000");
			assertThat(ChatPage.offeredButtons(notSent)).as("the same text can never pass: no Retry")
				.containsExactly("Edit");
			assertThat(a.find("#chat-error").getText()).as("said once, on the message").isEmpty();
			assertThat((String) a.script("return document.body.innerText;")).containsOnlyOnce("limit is 4000");
			alice.screenshot("desktop-not-sent");

			notSent.findElement(By.xpath(".//button[normalize-space()='Edit']")).click();
			assertThat(a.messageLength()).isEqualTo(4001);
			assertThat(a.findAll("#messages li.pending")).isEmpty();
		}
		finally {
			alice.driver()
				.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
						Map.of("identifier", script.get("identifier")));
		}
	}

	@Test
	void publicRoomIsListedUnderPublicWithoutAReload() throws Exception {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		WebElement listed = a.find("#room-public");
		assertThat(listed.isSelected()).as("private unless asked").isFalse();
		assertThat(a.find("label[for='room-public']").getText()).isEqualTo("Public (listed)");

		listed.click();
		// The list must change in this document, not by loading the page again.
		a.script("window.sameDocument = true;");
		String roomId = a.createRoom("Town square");
		assertThat(roomOverRest(roomId).path("visibility").asString()).isEqualTo("public");
		WebElement inPublic = a.waiting()
			.until((driver) -> a.findAll("#public-rooms a[href='/rooms/" + roomId + "']")
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(inPublic.getText()).contains("Town square");
		assertThat(a.find("#public-section").isDisplayed()).isTrue();
		assertThat(a.find("#room-public").isSelected()).as("the next room is private again").isFalse();
		assertThat(a.script("return window.sameDocument === true;")).as("no reload").isEqualTo(true);
		alice.screenshot("desktop-public-room");

		a.open("/");
		String privateId = a.createRoom("Back room");
		assertThat(roomOverRest(privateId).path("visibility").asString()).isEqualTo("private");
		assertThat(a.findAll("#public-rooms a[href='/rooms/" + privateId + "']")).isEmpty();

		// Another browser finds the public room in its list and opens it from there.
		ChatPage b = page(bob).open("/").setUsername("Bob Baker");
		b.waiting().until((driver) -> !b.findAll("#public-rooms a[href='/rooms/" + roomId + "']").isEmpty());
		b.find("#public-rooms a[href='/rooms/" + roomId + "']").click();
		b.awaitStatus("connected");
		assertThat(b.find("#room-title").getText()).isEqualTo("Town square");
	}

	@Test
	void copyLinkTogglesTheShareStripAndTheNewestMessageStaysInView() throws Exception {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String roomId = a.createRoom("Sharing");
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (int i = 1; i <= 30; i++) {
				peer.publish("line " + i);
			}
			a.awaitMessage("line 30");
			WebElement copy = a.find("#copy-link");
			a.copyLink();
			assertThat(a.inConversationView("#messages li.message:last-child"))
				.as("the strip takes height, not the newest message's place")
				.isTrue();
			assertThat(copy.getDomAttribute("aria-expanded")).isEqualTo("true");

			peer.publish("after sharing");
			a.awaitMessage("after sharing");
			assertThat(a.inConversationView("#messages li.message:last-child")).as("the next message follows").isTrue();
			assertThat(a.find("#new-messages").isDisplayed()).isFalse();

			copy.click();
			a.waiting().until((driver) -> !a.find("#share").isDisplayed());
			assertThat(copy.getDomAttribute("aria-expanded")).isEqualTo("false");
			copy.click();
			a.waiting().until((driver) -> a.find("#share").isDisplayed());
		}
	}

	@Test
	void scrolledUpReaderGetsANewMessagesHintInsteadOfAJump() throws Exception {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String roomId = a.createRoom("Busy room");
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (int i = 1; i <= 30; i++) {
				peer.publish("reading " + i);
			}
			a.awaitMessage("reading 30");
			assertThat(a.inViewport("#messages li.message:last-child")).as("newest message kept in view").isTrue();
			assertThat(a.find("#new-messages").isDisplayed()).isFalse();

			a.script("document.getElementById('scroller').scrollTop = 0;");
			peer.publish("arrived while reading");
			a.awaitMessage("arrived while reading");
			WebElement hint = a.find("#new-messages");
			a.waiting().until((driver) -> hint.isDisplayed());
			assertThat(a.script("return document.getElementById('scroller').scrollTop;")).isEqualTo(0L);

			hint.click();
			a.waiting().until((driver) -> !hint.isDisplayed());
			assertThat(a.inViewport("#messages li.message:last-child")).isTrue();
		}
	}

	@Test
	void layoutWorksOnAPhone360PixelsWide() throws Exception {
		bob.phone(360, 740);
		ChatPage b = page(bob).open("/").setUsername("Bob Baker");
		assertThat(b.script("return innerWidth;")).isEqualTo(360L);
		assertThat(b.find("#sidebar").isDisplayed()).as("rooms pane first").isTrue();
		assertThat(b.find("#conversation").isDisplayed()).isFalse();
		assertThat(b.overflowsSideways()).isFalse();

		String roomId = b.createRoom("On the go");
		assertThat(b.find("#sidebar").isDisplayed()).as("one pane at a time").isFalse();
		for (String control : List.of("#back", "#room-title", "#status", "#copy-link", "#message", "#send",
				"#remaining")) {
			assertThat(b.inViewport(control)).as(control + " fully visible").isTrue();
		}
		assertThat(b.find("#username").isDisplayed()).isTrue();

		ChatPage a = page(alice).open("/rooms/" + roomId).setUsername("Alice Archer").awaitStatus("connected");
		try (MqttPeer sensor = mqttPeer(roomId)) {
			a.send("Morning! Did the overnight run finish?");
			a.send("The dashboard still shows yesterday.");
			sensor.publish("sensor-7 (dev1): batch 42 done, 1,284 records in 3m12s");
			b.awaitMessage("batch 42 done, 1,284 records in 3m12s");
			b.send("Yes, all green. Details: https://example.org/runs/42");
			b.awaitMessage("Yes, all green. Details: https://example.org/runs/42");
			bob.screenshot("phone-chat");
			bob.darkScheme();
			bob.screenshot("phone-chat-dark");
			bob.lightScheme();
			b.send("a-very-long-word-without-any-break-" + "x".repeat(120));
			b.awaitMessage("a-very-long-word-without-any-break-" + "x".repeat(120));
			for (int i = 1; i <= 8; i++) {
				sensor.publish("sensor-7 (dev1): heartbeat " + i);
			}
			b.awaitMessage("heartbeat 8");
		}
		assertThat(b.overflowsSideways()).as("long words wrap instead of widening the page").isFalse();
		assertThat(b.inViewport("#message")).as("composer pinned at the bottom").isTrue();
		assertThat(b.inViewport("#messages li.message:last-child")).as("newest message in view").isTrue();
		assertThat(b.script("return Math.round(document.getElementById('composer').getBoundingClientRect().bottom);"))
			.isEqualTo(740L);
		b.find("#back").click();
		assertThat(b.find("#sidebar").isDisplayed()).isTrue();
		assertThat(b.find("#conversation").isDisplayed()).isFalse();
		assertThat(b.overflowsSideways()).isFalse();
		bob.screenshot("phone-rooms");
		b.find("#recent-rooms a[href='/rooms/" + roomId + "']").click();
		assertThat(b.find("#conversation").isDisplayed()).isTrue();
		assertThat(b.findAll("#messages li.message")).as("the conversation is kept").hasSizeGreaterThan(10);
		b.awaitStatus("connected", Duration.ofSeconds(5));
	}

	@SuppressWarnings("unchecked")
	private static String titleOfTabShowing(Browser browser, String roomId) {
		List<Map<String, Object>> targets = (List<Map<String, Object>>) browser.driver()
			.executeCdpCommand("Target.getTargets", Map.of())
			.get("targetInfos");
		return targets.stream()
			.filter((target) -> "page".equals(target.get("type")) && String.valueOf(target.get("url")).endsWith(roomId))
			.map((target) -> String.valueOf(target.get("title")))
			.findFirst()
			.orElse(null);
	}

	private static void closeOtherTabs(ChatPage page, String keep) {
		for (String handle : page.driver().getWindowHandles()) {
			if (!handle.equals(keep)) {
				page.driver().switchTo().window(handle).close();
			}
		}
		page.driver().switchTo().window(keep);
	}

}
