package dev.mqttchat.gateway.web.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import dev.mqttchat.gateway.testsupport.TestPictures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice pastes a picture and picks another through "Attach file or picture"; Bob sees
 * both as thumbnails and opens one larger. A file shows as a chip that only downloads it.
 * A web page dressed up as a PNG is refused.
 */
class PicturesBrowserTests extends BrowserTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@TempDir
	Path files;

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
	void aPicturePastedByAliceShowsAsAThumbnailForBob() throws Exception {
		ChatPage bobPage = page(this.bob).open("/").setUsername("Bob");
		String roomId = bobPage.createRoom("Holiday");
		ChatPage alicePage = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
		alicePage.awaitStatus("connected");

		alicePage.script(
				"const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));"
						+ "const transfer = new DataTransfer();"
						+ "transfer.items.add(new File([bytes], 'beach.png', { type: 'image/png' }));"
						+ "document.getElementById('message').dispatchEvent("
						+ "new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));",
				Base64.getEncoder().encodeToString(TestPictures.png(120, 80)));
		Path picked = Files.write(this.files.resolve("sunset.jpg"), TestPictures.of("jpg", 90, 60));
		alicePage.find("#attach-picture").sendKeys(picked.toString());

		List<WebElement> thumbnails = bobPage.waiting(WAIT)
			.until((driver) -> loaded(bobPage).size() == 2 ? loaded(bobPage) : null);
		assertThat(thumbnails).extracting((image) -> image.getDomAttribute("alt")).containsOnly("Picture from Alice");
		assertThat(thumbnails).extracting((image) -> image.getDomAttribute("width")).containsExactly("120", "90");
		this.bob.screenshot("desktop-pictures");

		thumbnails.get(0).click();
		WebElement viewer = bobPage.find("dialog.picture-viewer");
		bobPage.waiting(WAIT).until((driver) -> viewer.isDisplayed());
		assertThat(viewer.findElement(By.tagName("img")).getDomProperty("naturalWidth")).isEqualTo("120");
		viewer.findElement(By.xpath(".//button[normalize-space()='Close']")).click();
		bobPage.waiting(WAIT).until((driver) -> !viewer.isDisplayed());
	}

	@Test
	void aFileShowsAsAChipWithItsNameAndSizeThatOnlyDownloadsIt() throws Exception {
		ChatPage bobPage = page(this.bob).open("/").setUsername("Bob");
		String roomId = bobPage.createRoom("Reports");
		ChatPage alicePage = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
		alicePage.awaitStatus("connected");
		Path report = Files.writeString(this.files.resolve("Q3 report.html"),
				"<script>alert(1)</script>" + "x".repeat(2048 - 25), StandardCharsets.UTF_8);

		alicePage.find("#attach-picture").sendKeys(report.toString());

		WebElement chip = bobPage.waiting(WAIT)
			.until((driver) -> bobPage.findAll("#messages li.message:not(.pending) a.file-chip")
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(chip.getText()).endsWith("Q3 report.html · 2.0 KB");
		assertThat(chip.getDomAttribute("download")).isEqualTo("Q3 report.html");
		assertThat(chip.getDomAttribute("rel")).isEqualTo("noopener");
		assertThat(chip.getDomAttribute("href")).startsWith("/api/rooms/" + roomId + "/attachments/");
		this.bob.screenshot("desktop-file-chip");

		// A file download's headers, as the browser receives them.
		Object headers = ((JavascriptExecutor) bobPage.driver())
			.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0]).then((r) => done([r.headers.get('content-type'), "
					+ "r.headers.get('content-disposition'), r.headers.get('x-content-type-options'), "
					+ "r.headers.get('content-security-policy')]));", chip.getDomAttribute("href"));
		assertThat((List<Object>) headers).containsExactly("application/octet-stream",
				"attachment; filename=\"Q3 report.html\"; filename*=UTF-8''Q3%20report.html", "nosniff",
				"sandbox; default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void aWebPageSentAsAPngIsRefusedWithItsReason() throws Exception {
		ChatPage alicePage = page(this.alice).open("/").setUsername("Alice");
		alicePage.createRoom("Tricks");
		alicePage.awaitStatus("connected");
		Path fake = Files.writeString(this.files.resolve("kitten.png"), "<html><script>alert(1)</script></html>",
				StandardCharsets.UTF_8);

		alicePage.find("#attach-picture").sendKeys(fake.toString());

		alicePage.waiting(WAIT).until((driver) -> alicePage.find("#chat-error").getText().contains("Picture not sent"));
		assertThat(alicePage.find("#chat-error").getText()).contains("none of them");
		assertThat(alicePage.findAll("#messages li.message")).isEmpty();
	}

	@Test
	void aPictureArrivingAtTheEndStaysInViewAndSoDoesTheNextMessageAndTheRoomOpensAtItsEnd() throws Exception {
		ChatPage bobPage = page(this.bob).open("/").setUsername("Bob");
		String roomId = bobPage.createRoom("Photo wall");
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (int i = 1; i <= 20; i++) {
				peer.publish("line " + i);
			}
			bobPage.awaitLastText("line 20", WAIT);
			ChatPage alicePage = page(this.alice).open("/").setUsername("Alice").open("/rooms/" + roomId);
			alicePage.awaitStatus("connected");

			paste(alicePage, TestPictures.png(400, 300), "wall.png");
			bobPage.waiting(WAIT).until((driver) -> loaded(bobPage).size() == 1);
			afterTwoFrames(bobPage);
			assertThat(bobPage.inConversationView("#messages li.message:last-child"))
				.as("the picture that arrived at the end is wholly in view")
				.isTrue();
			assertThat(loaded(bobPage).get(0).getDomAttribute("height")).as("its box, known before it loads")
				.isEqualTo("180");
			peer.publish("nice one");
			bobPage.awaitLastText("nice one", WAIT);
			afterTwoFrames(bobPage);
			assertThat(bobPage.inConversationView("#messages li.message:last-child"))
				.as("the message after the picture is in view too")
				.isTrue();
			paste(alicePage, TestPictures.png(300, 400), "tower.png");
			bobPage.waiting(WAIT).until((driver) -> loaded(bobPage).size() == 2);
		}

		// Opened afresh, on a phone and on a desktop, the room ends at its last picture.
		this.bob.phone(390, 740);
		for (int screen = 0; screen < 2; screen++) {
			bobPage.open("/rooms/" + roomId).awaitStatus("connected");
			bobPage.waiting(WAIT)
				.until((driver) -> !"0".equals(
						bobPage.find("#messages li.message:last-child .pictures img").getDomProperty("naturalWidth")));
			afterTwoFrames(bobPage);
			assertThat(((Number) bobPage.script("const s = document.getElementById('scroller');"
					+ "return s.scrollHeight - s.scrollTop - s.clientHeight;"))
				.doubleValue()).as("at the real end").isLessThan(2);
			assertThat(bobPage.inConversationView("#messages li.message:last-child")).isTrue();
			this.bob.screenshot((screen == 0) ? "phone-room-ends-with-picture" : "desktop-room-ends-with-picture");
			this.bob.desktop();
		}
	}

	private static void paste(ChatPage page, byte[] png, String name) {
		page.script(
				"const bytes = Uint8Array.from(atob(arguments[0]), (c) => c.charCodeAt(0));"
						+ "const transfer = new DataTransfer();"
						+ "transfer.items.add(new File([bytes], arguments[1], { type: 'image/png' }));"
						+ "document.getElementById('message').dispatchEvent("
						+ "new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));",
				Base64.getEncoder().encodeToString(png), name);
	}

	/** Waits until the page has laid out and painted twice (resize observers ran). */
	private static void afterTwoFrames(ChatPage page) {
		((JavascriptExecutor) page.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
	}

	/** The thumbnails that loaded: a picture that failed to load has no natural width. */
	private static List<WebElement> loaded(ChatPage page) {
		return page.findAll("#messages li.message:not(.pending) .pictures img")
			.stream()
			.filter((image) -> !"0".equals(image.getDomProperty("naturalWidth")))
			.toList();
	}

}
