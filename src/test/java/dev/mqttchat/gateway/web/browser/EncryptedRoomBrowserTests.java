package dev.mqttchat.gateway.web.browser;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.RoomCipher;
import dev.mqttchat.gateway.testsupport.TestPictures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two browsers chat in an end-to-end encrypted room, with an edit, a reaction and a
 * picture, while the broker, the history and the database hold only ciphertext; the JDK
 * reads what the page sealed and the page what the JDK sealed; a browser without the key,
 * or with another, reads nothing.
 */
class EncryptedRoomBrowserTests extends BrowserTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path files;

	private final List<Browser> browsers = new ArrayList<>();

	@BeforeEach
	void startBrowsers() {
		for (int i = 0; i < 3; i++) {
			this.browsers.add(Browser.start());
		}
	}

	@AfterEach
	void quitBrowsers() {
		List<String> errors = new ArrayList<>();
		for (Browser browser : this.browsers) {
			errors.addAll(browser.consoleErrors());
			browser.close();
		}
		assertThat(errors).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void onlyTheLinksHoldersReadTheRoom() throws Exception {
		ChatPage alice = page(this.browsers.get(0)).open("/").setUsername("Alice");
		alice.find("#room-name").sendKeys("Secret plans");
		alice.find("label[for='room-encrypted']").click();
		alice.find("#create-room").click();
		alice.waiting().until(ExpectedConditions.urlMatches("/rooms/[A-Za-z0-9]{16,64}#k=[A-Za-z0-9_-]{43}$"));
		alice.awaitStatus("connected");
		String link = alice.driver().getCurrentUrl();
		String roomId = URI.create(link).getPath().substring("/rooms/".length());
		String secret = link.substring(link.indexOf("#k=") + 3);
		assertThat(alice.find("#room-lock").getText()).contains("End-to-end encrypted");

		try (MqttTestClient watcher = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<MqttTestClient.Received> topic = watcher.subscribe(TOPIC_PREFIX + roomId);
			ChatPage bob = page(this.browsers.get(1)).open(link).setUsername("Bob").awaitStatus("connected");
			alice.send("the launch is at dawn");
			WebElement atBob = bob.awaitMessage("the launch is at dawn");
			bob.send("dawn it is");
			alice.awaitMessage("dawn it is");
			assertThat(topic.poll(15, TimeUnit.SECONDS).text()).doesNotContain("dawn").contains("ciphertext");

			List<JsonNode> stored = awaitStored(roomId, 2);
			assertThat(stored).allSatisfy((entry) -> assertThat(entry.has("text")).isFalse());
			JsonNode first = stored.get(0);
			RoomCipher cipher = new RoomCipher(Base64.getUrlDecoder().decode(secret));
			assertThat(cipher.open(roomId, first.path("author").asString(), first.path("clientMsgId").asString(),
					first.path("iv").asString(), first.path("ciphertext").asString()))
				.as("the page's message, opened by the JDK")
				.isEqualTo("{\"text\":\"the launch is at dawn\"}");
			byte[] iv = new byte[12];
			try (MqttPeer peer = mqttPeer(roomId)) {
				peer.publish("{\"username\":\"jvm\",\"clientMsgId\":\"j-1\",\"v\":1,\"kid\":\"" + cipher.kid()
						+ "\",\"iv\":\"" + RoomCipher.base64url(iv) + "\",\"ciphertext\":\""
						+ cipher.seal(roomId, null, "j-1", "{\"text\":\"sealed by the JDK\"}", iv) + "\"}");
				peer.publish("{\"username\":\"eve\",\"text\":\"plaintext from eve\"}");
			}
			bob.awaitMessage("sealed by the JDK");

			WebElement own = alice.awaitMessage("the launch is at dawn");
			ChatPage.reveal(own).findElement(By.xpath(".//button[normalize-space()='Edit']")).click();
			own.findElement(By.cssSelector("textarea[aria-label='Edit message']"))
				.sendKeys(Keys.chord(Keys.CONTROL, "a"), "the launch is at noon", Keys.ENTER);
			bob.waiting(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until((driver) -> ChatPage.textOf(atBob).equals("the launch is at noon"));
			assertThat(bob.shownTexts()).doesNotContain("plaintext from eve");
			ChatPage.reveal(atBob).findElement(By.xpath(".//button[normalize-space()='React']")).click();
			atBob.findElement(By.xpath(".//button[normalize-space()='👍']")).click();
			alice.waiting(WAIT)
				.ignoring(StaleElementReferenceException.class)
				.until((driver) -> own.findElements(By.cssSelector(".reaction"))
					.stream()
					.anyMatch((chip) -> chip.getText().equals("👍 1")));
			byte[] png = TestPictures.png(120, 80);
			alice.find("#attach-picture").sendKeys(Files.write(this.files.resolve("map.png"), png).toString());
			WebElement thumbnail = bob.waiting(WAIT)
				.until((driver) -> bob.findAll("#messages li.message:not(.pending) .pictures img")
					.stream()
					.filter((image) -> "120".equals(image.getDomProperty("naturalWidth")))
					.findFirst()
					.orElse(null));
			assertThat(thumbnail.getDomProperty("src")).as("opened in the page").startsWith("blob:");
			thumbnail.click();
			WebElement viewer = bob.find("dialog.picture-viewer");
			bob.waiting(WAIT).until((driver) -> viewer.isDisplayed());
			assertThat(viewer.findElement(By.tagName("img")).getDomProperty("naturalWidth")).isEqualTo("120");
			viewer.findElement(By.xpath(".//button[normalize-space()='Close']")).click();
			byte[] uploaded = this.jdbc.sql("SELECT content FROM attachment WHERE room_id = :room")
				.param("room", roomId)
				.query(byte[].class)
				.single();
			assertThat(cipher.openPicture(roomId, uploaded)).as("the page's picture, opened by the JDK").isEqualTo(png);
			assertThat(HexFormat.of().formatHex(uploaded)).as("the picture's own bytes in the database")
				.doesNotContain(HexFormat.of().formatHex(Arrays.copyOf(png, 16)));
			alice.find("#attach-picture")
				.sendKeys(Files.writeString(this.files.resolve("launch plans.txt"), "T minus ten").toString());
			WebElement file = bob.waiting(WAIT)
				.until((driver) -> bob.findAll("#messages li.message:not(.pending) button.file-chip")
					.stream()
					.findFirst()
					.orElse(null));
			assertThat(file.getText()).as("the name from the sealed text").endsWith("launch plans.txt · 11 bytes");
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM attachment WHERE room_id = :room AND (name IS NOT NULL "
						+ "OR content_type <> 'application/octet-stream')")
				.param("room", roomId)
				.query(Long.class)
				.single()).as("no name or type of the file on the server").isZero();
			assertThat(
					this.jdbc.sql("SELECT COUNT(*) FROM message WHERE room_id = :room AND attachments LIKE '%launch%'")
						.param("room", roomId)
						.query(Long.class)
						.single())
				.isZero();
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM reaction WHERE room_id = :room AND emoji LIKE 'e:%'")
				.param("room", roomId)
				.query(Long.class)
				.single()).as("reactions kept under their tags").isEqualTo(1);
			assertThat(this.jdbc
				.sql("SELECT COUNT(*) FROM message WHERE room_id = :room AND (text <> '' OR ciphertext LIKE '%dawn%')")
				.param("room", roomId)
				.query(Long.class)
				.single()).as("rows with plaintext").isZero();
			this.browsers.get(1).screenshot("desktop-encrypted");
		}

		// A browser that never saw the edit live opens the edited message from history,
		// sealed under the edit's clientMsgId (lastEdit).
		Browser fresh = Browser.start();
		this.browsers.add(fresh);
		ChatPage dave = page(fresh).open(link).setUsername("Dave").awaitStatus("connected");
		dave.awaitMessage("the launch is at noon");
		assertThat(dave.shownTexts()).as("history opened in a fresh browser")
			.contains("dawn it is", "sealed by the JDK")
			.doesNotContain("cannot decrypt", "the launch is at dawn");
		// The server cannot search an encrypted room: the page searches what it opened.
		dave.find("#search-input").sendKeys("NOON", Keys.ENTER);
		WebElement hit = dave.waiting()
			.until((driver) -> dave.findAll("#search-hits .search-hit").stream().findFirst().orElse(null));
		assertThat(dave.find("#search-note").getText())
			.isEqualTo("This room is end-to-end encrypted: only messages loaded on this device are searched.");
		assertThat(dave.findAll("#search-hits .search-hit")).hasSize(1);
		assertThat(hit.findElement(By.cssSelector("mark")).getText()).isEqualTo("noon");
		hit.click();
		dave.waiting()
			.until((driver) -> dave.awaitMessage("the launch is at noon")
				.getDomAttribute("class")
				.contains("highlight"));
		// A thread in the encrypted room: its replies are opened in the panel as in the
		// list.
		ChatPage.reveal(dave.awaitMessage("dawn it is")).findElement(By.cssSelector("button.reply-action")).click();
		dave.send("count me in");
		WebElement replies = dave.waiting(WAIT)
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> dave.awaitMessage("dawn it is").findElement(By.cssSelector("button.thread-replies")));
		replies.click();
		dave.waiting(WAIT).until((driver) -> dave.findAll("#thread-messages li.message").size() == 2);
		dave.find("#thread-message").sendKeys("and me", Keys.ENTER);
		dave.waiting(WAIT)
			.until((driver) -> dave.findAll("#thread-messages li.message")
				.stream()
				.map(ChatPage::textOf)
				.toList()
				.equals(List.of("dawn it is", "count me in", "and me")));
		assertThat(replies.getText()).isEqualTo("2 replies");
		List<JsonNode> inThread = storedMessages(roomId).stream().filter((entry) -> entry.has("threadId")).toList();
		assertThat(inThread).hasSize(2).allSatisfy((entry) -> assertThat(entry.has("text")).isFalse());
		assertThat(inThread).extracting((entry) -> entry.path("threadId").asString())
			.containsOnly(dave.awaitMessage("dawn it is").getDomAttribute("data-id"));

		ChatPage keyless = page(this.browsers.get(2)).open("/").setUsername("Carol").open("/rooms/" + roomId);
		keyless.waiting(WAIT).until((driver) -> keyless.find("#room-key-problem").isDisplayed());
		assertThat(keyless.find("#room-key-problem").getText()).contains("missing its key");
		keyless.waiting(WAIT).until((driver) -> keyless.shownTexts().size() >= 3);
		assertThat(keyless.shownTexts()).containsOnly("cannot decrypt");
		assertThat(keyless.find("#message").isEnabled()).as("a page without the key sends nothing").isFalse();
		assertThat(keyless.driver().getPageSource()).doesNotContain("dawn").doesNotContain("noon");

		keyless.open("/rooms/" + roomId + "#k=" + "A".repeat(43));
		keyless.driver().navigate().refresh();
		keyless.waiting(WAIT).until((driver) -> keyless.find("#room-key-problem").getText().contains("wrong key"));
		assertThat(keyless.shownTexts()).containsOnly("cannot decrypt");
	}

}
