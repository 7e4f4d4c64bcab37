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
import org.openqa.selenium.WebElement;

import dev.mqttchat.gateway.testsupport.TestPictures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alice pastes a picture and picks another through "Attach picture"; Bob sees both as
 * thumbnails and opens one larger. A web page dressed up as a PNG is refused.
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
		alicePage.find("input[aria-label='Attach picture']").sendKeys(picked.toString());

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
	void aWebPageSentAsAPngIsRefusedWithItsReason() throws Exception {
		ChatPage alicePage = page(this.alice).open("/").setUsername("Alice");
		alicePage.createRoom("Tricks");
		alicePage.awaitStatus("connected");
		Path fake = Files.writeString(this.files.resolve("kitten.png"), "<html><script>alert(1)</script></html>",
				StandardCharsets.UTF_8);

		alicePage.find("input[aria-label='Attach picture']").sendKeys(fake.toString());

		alicePage.waiting(WAIT).until((driver) -> alicePage.find("#chat-error").getText().contains("Picture not sent"));
		assertThat(alicePage.find("#chat-error").getText()).contains("none of them");
		assertThat(alicePage.findAll("#messages li.message")).isEmpty();
	}

	/** The thumbnails that loaded: a picture that failed to load has no natural width. */
	private static List<WebElement> loaded(ChatPage page) {
		return page.findAll("#messages li.message:not(.pending) .pictures img")
			.stream()
			.filter((image) -> !"0".equals(image.getDomProperty("naturalWidth")))
			.toList();
	}

}
