package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bob reacts to Alice's message, Alice edits and deletes it, and each sees it; only the
 * author's browser offers Edit and Delete, forged edits of her messages are refused, and
 * a name sent with another key is marked.
 */
class MessageActionsBrowserTests extends BrowserTestSupport {

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
		List<String> errors = new ArrayList<>(this.alice.consoleErrors());
		errors.addAll(this.bob.consoleErrors());
		this.alice.close();
		this.bob.close();
		assertThat(errors).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void bobReactsAndAliceEditsAndDeletesHerOwnMessage() {
		ChatPage bobPage = page(this.bob).open("/").setUsername("Bob");
		String roomId = bobPage.createRoom("Plans");
		ChatPage alicePage = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
		alicePage.awaitStatus("connected");
		alicePage.send("see you at 12");
		WebElement onBob = bobPage.awaitMessage("see you at 12");
		WebElement onAlice = alicePage.awaitMessage("see you at 12");
		assertThat(buttons(onBob, "Edit")).as("Edit on someone else's message").isEmpty();
		assertThat(buttons(onBob, "Delete")).as("Delete on someone else's message").isEmpty();

		button(onBob, "React").click();
		button(onBob, "👍").click();
		alicePage.waiting(WAIT)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> !onAlice.findElements(By.cssSelector(".reaction")).isEmpty()
					&& onAlice.findElement(By.cssSelector(".reaction")).getText().equals("👍 1"));
		assertThat(onAlice.findElement(By.cssSelector(".reaction")).getDomAttribute("title")).isEqualTo("Bob");
		this.alice.screenshot("desktop-reaction");
		// Each reaction entry carries only its change: taking one back and adding it
		// again
		// leaves the count right on the other page.
		button(onBob, "👍 1").click();
		alicePage.waiting(WAIT)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> onAlice.findElements(By.cssSelector(".reaction")).isEmpty());
		button(onBob, "React").click();
		button(onBob, "👍").click();
		alicePage.waiting(WAIT)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> !onAlice.findElements(By.cssSelector(".reaction")).isEmpty()
					&& onAlice.findElement(By.cssSelector(".reaction")).getText().equals("👍 1"));

		button(onAlice, "Edit").click();
		WebElement editor = onAlice.findElement(By.cssSelector("textarea[aria-label='Edit message']"));
		editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), "see you at 1", Keys.ENTER);
		bobPage.waiting(WAIT)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> ChatPage.textOf(onBob).equals("see you at 1"));
		assertThat(onBob.findElement(By.cssSelector(".edited")).getText()).isEqualTo("(edited)");
		assertThat(onBob.findElement(By.cssSelector(".reaction")).getText()).as("the reaction stays").isEqualTo("👍 1");

		button(onAlice, "Delete").click();
		this.alice.driver().switchTo().alert().accept();
		bobPage.waiting(WAIT)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> ChatPage.textOf(onBob).equals("message deleted"));
		assertThat(onBob.findElements(By.cssSelector(".reaction"))).isEmpty();

		bobPage.open("/rooms/" + roomId);
		bobPage.waiting(WAIT)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> bobPage.shownTexts().equals(List.of("message deleted")));
	}

	@Test
	void aNameSentWithAnotherKeyIsMarked() throws Exception {
		ChatPage bobPage = page(this.bob).open("/").setUsername("Bob");
		String roomId = bobPage.createRoom("Who is who");
		ChatPage alicePage = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
		alicePage.awaitStatus("connected");
		alicePage.send("it is me");
		WebElement genuine = bobPage.awaitMessage("it is me");
		try (MqttPeer impostor = mqttPeer(roomId)) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("username", "Alice");
			body.put("clientMsgId", "x-1");
			body.put("text", "it is me too");
			impostor.publish(JsonMapper.builder().build().writeValueAsString(AuthorKey.generate().sign(roomId, body)));
			WebElement forged = bobPage.awaitMessage("it is me too");
			assertThat(forged.findElement(By.cssSelector(".key-other")).getText()).isEqualTo("other key");
			assertThat(genuine.findElements(By.cssSelector(".key-other"))).isEmpty();
			assertThat(buttons(forged, "Edit")).isEmpty();
		}
	}

	@Test
	void forgedEditsOfAlicesMessagesAreRefused() throws Exception {
		ChatPage bobPage = page(this.bob).open("/").setUsername("Bob");
		String roomId = bobPage.createRoom("Trust");
		ChatPage alicePage = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
		alicePage.awaitStatus("connected");
		alicePage.send("first");
		alicePage.send("second");
		WebElement second = bobPage.awaitMessage("second");
		WebElement onAlice = alicePage.awaitMessage("first");
		try (MqttTestClient watcher = MqttTestClient.connect(this.broker.url());
				StompTestClient mallory = StompTestClient.connect(this.port, "Alice")) {
			BlockingQueue<MqttTestClient.Received> topic = watcher.subscribe(TOPIC_PREFIX + roomId);
			BlockingQueue<Map<String, Object>> errors = mallory.subscribe("/user/queue/errors");
			button(onAlice, "Edit").click();
			onAlice.findElement(By.cssSelector("textarea[aria-label='Edit message']"))
				.sendKeys(Keys.chord(Keys.CONTROL, "a"), "first, edited", Keys.ENTER);
			Map<String, Object> signedEdit = JsonMapper.builder()
				.build()
				.readValue(topic.poll(15, TimeUnit.SECONDS).text(), Map.class);
			assertThat(signedEdit).as("the page's edit, as the broker carried it")
				.containsEntry("type", "edit")
				.containsKeys("author", "sig");

			Map<String, Object> replayed = new LinkedHashMap<>(signedEdit);
			replayed.put("target", second.getDomAttribute("data-id"));
			mallory.send("/app/rooms/" + roomId, replayed);
			assertThat(errors.poll(15, TimeUnit.SECONDS)).as("Alice's signed edit moved to her other message")
				.containsEntry("code", "invalid-signature");
			Map<String, Object> forged = new LinkedHashMap<>(Map.of("username", "Alice", "clientMsgId", "f-1", "type",
					"edit", "target", second.getDomAttribute("data-id"), "text", "forged"));
			mallory.send("/app/rooms/" + roomId, AuthorKey.generate().sign(roomId, forged));
			assertThat(errors.poll(15, TimeUnit.SECONDS)).as("an edit in Alice's name with another key")
				.containsEntry("code", "not-your-message");
		}
		bobPage.awaitMessage("first, edited");
		assertThat(ChatPage.textOf(second)).isEqualTo("second");
		assertThat(second.findElements(By.cssSelector(".edited"))).isEmpty();
	}

	@Test
	void theReactionPickerOnTheNewestMessageOpensWholeInView() throws Exception {
		ChatPage bobPage = page(this.bob).open("/").setUsername("Bob");
		String roomId = bobPage.createRoom("Crowded");
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (int i = 1; i <= 25; i++) {
				peer.publish("update " + i);
			}
			bobPage.awaitLastText("update 25", WAIT);
		}
		for (String screen : List.of("desktop", "phone")) {
			if (screen.equals("phone")) {
				this.bob.phone(390, 740);
			}
			bobPage.script("document.getElementById('scroller').scrollTop = 1e9;");
			WebElement newest = bobPage.find("#messages li.message:last-child");
			button(newest, "React").click();
			WebElement picker = newest.findElement(By.cssSelector(".reaction-picker"));
			assertThat(pickerInView(bobPage)).as("the picker on the newest message, whole, on a " + screen).isTrue();
			assertThat(picker.findElement(By.cssSelector(".pick")).equals(this.bob.driver().switchTo().activeElement()))
				.isTrue();
			this.bob.screenshot(screen + "-reaction-picker-newest");
			picker.findElement(By.cssSelector(".pick")).sendKeys(Keys.ESCAPE);
			bobPage.waiting(WAIT).until((driver) -> newest.findElements(By.cssSelector(".reaction-picker")).isEmpty());
		}
		this.bob.desktop();
	}

	/**
	 * Whether the open reaction picker lies wholly inside the viewport and inside the
	 * conversation's visible area (not under the message box).
	 */
	private static boolean pickerInView(ChatPage page) {
		return (Boolean) page.script("""
				const p = document.querySelector('.reaction-picker').getBoundingClientRect();
				const s = document.getElementById('scroller').getBoundingClientRect();
				return p.height > 0 && p.left >= 0 && p.top >= 0 && p.right <= innerWidth + 0.5
					&& p.bottom <= innerHeight + 0.5 && p.top >= s.top - 0.5 && p.bottom <= s.bottom + 0.5
					&& document.scrollingElement.scrollTop === 0;
				""");
	}

	private static List<WebElement> buttons(WebElement item, String name) {
		return item.findElements(By.xpath(".//button[normalize-space()='" + name + "']"));
	}

	private static WebElement button(WebElement item, String name) {
		return ChatPage.reveal(item).findElement(By.xpath(".//button[normalize-space()='" + name + "']"));
	}

}
