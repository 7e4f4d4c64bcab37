package dev.mqttchat.gateway.web.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Unread counts across rooms with two browsers: the rooms list counts, live, what came in
 * rooms the reader is not in, marks a mention, puts the total in the title, and opening
 * the room clears it.
 */
class UnreadBrowserTests extends BrowserTestSupport {

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

	@Test
	void roomsListCountsUnreadMessagesOfOtherRoomsLiveAndOpeningClearsThem() {
		ChatPage a = page(alice).open("/").setUsername("Alice Archer");
		String standup = a.createRoom("Standup");
		a.send("morning");
		a.awaitMessage("morning");
		String general = a.createRoom("General");
		assertThat(entry(a, standup).findElements(By.cssSelector(".unread-badge"))).isEmpty();

		ChatPage b = page(bob).open("/rooms/" + standup).setUsername("Bob Baker").awaitStatus("connected");
		b.send("build is red");
		b.send("@Alice Archer can you look?");
		b.awaitMessage("@Alice Archer can you look?");

		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(entry(a, standup).getAccessibleName()).endsWith("2 unread"));
		WebElement badge = entry(a, standup).findElement(By.cssSelector(".unread-badge"));
		assertThat(badge.getText()).isEqualTo("@ 2");
		assertThat(entry(a, standup).getAccessibleName()).contains("mentions you");
		assertThat(a.driver().getTitle()).startsWith("(2) General");
		assertThat(entry(a, general).findElements(By.cssSelector(".unread-badge"))).isEmpty();
		alice.screenshot("desktop-unread");

		// A reload asks the server: the count survives, from the stored history.
		a.open("/rooms/" + general).awaitStatus("connected");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(entry(a, standup).getAccessibleName()).endsWith("2 unread"));

		entry(a, standup).click();
		a.awaitMessage("@Alice Archer can you look?");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(a.findAll("#recent-rooms .unread-badge")).isEmpty());
		assertThat(a.driver().getTitle()).doesNotStartWith("(");
		// Back in the other room, the one just read stays read.
		entry(a, general).click();
		a.awaitStatus("connected");
		b.send("thanks");
		b.awaitMessage("thanks");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(entry(a, standup).getAccessibleName()).endsWith("1 unread"));
	}

	private static WebElement entry(ChatPage page, String roomId) {
		return page.find("#recent-rooms a.room-link[href='/rooms/" + roomId + "']");
	}

}
