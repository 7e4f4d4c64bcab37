package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room deleted while pages have it open (its owner deletes it elsewhere): each page
 * learns it from the server, by a refused message or by a history request, and says so in
 * the room; opening it again later says it no longer exists.
 */
class DeletedRoomBrowserTests extends BrowserTestSupport {

	private static final String NOTICE = "This room was deleted. Its messages are gone.";

	// The reconnect backoff grows while the server refuses; the page skips the wait when
	// the network comes back.
	private static final Duration RECONNECT = Duration.ofSeconds(20);

	private static Browser erin;

	private static Browser frank;

	@BeforeAll
	static void startBrowsers() {
		erin = Browser.start();
		frank = Browser.start();
	}

	@AfterAll
	static void quitBrowsers() {
		try (Browser e = erin; Browser f = frank) {
			// Closing both even if one fails.
		}
	}

	@AfterEach
	void noScriptErrors() {
		assertThat(erin.consoleErrors()).as("script errors or CSP violations in Erin's browser").isEmpty();
		assertThat(frank.consoleErrors()).as("script errors or CSP violations in Frank's browser").isEmpty();
	}

	@Test
	void roomDeletedElsewhereIsShownAsDeletedWhenTheNextMessageIsRefused() throws Exception {
		try (PageProbe probe = PageProbe.install(erin, false)) {
			refusedMessageTellsThePage(page(erin));
		}
	}

	private void refusedMessageTellsThePage(ChatPage page) throws Exception {
		page.open("/").setUsername("Erin Eads");
		// This page misses the server's word that the room was deleted, as one that was
		// reconnecting at that moment would.
		page.script("window.__probe.drop = (frame) => frame.includes('\"type\":\"deleted\"');");
		String roomId = page.createRoom("Retired");
		page.send("before the deletion");
		page.awaitMessage("before the deletion");
		assertThat(page.find("#delete-room").isDisplayed()).isTrue();

		// The owner deletes it from another device: this page still shows it as it was.
		deleteRoomOverRest(roomId, page.ownerToken(roomId));
		page.send("is anyone still here?");

		WebElement notice = page.find("#room-gone");
		page.waiting().until((driver) -> notice.isDisplayed());
		assertThat(notice.getText()).isEqualTo(NOTICE);
		assertThat(page.find("#chat-error").getText()).as("no server jargon under the notice").isEmpty();
		WebElement notSent = page.awaitNotSent();
		assertThat(notSent.getText()).contains("is anyone still here?", "Not sent");
		assertThat(ChatPage.offeredButtons(notSent)).as("no Retry into a deleted room").doesNotContain("Retry");
		assertClosed(page);
		assertThat(page.find("#delete-room").isDisplayed()).isFalse();
		assertThat(page.ownerToken(roomId)).as("the owner token is forgotten").isNull();
		assertThat(page.findAll("#recent-rooms a[href='/rooms/" + roomId + "']")).isEmpty();
		assertThat(page.shownTexts()).as("what was on screen stays").containsExactly("before the deletion");
		erin.screenshot("desktop-room-deleted");

		// Another room opens as usual: the message box works again.
		page.find("#room-name").sendKeys("Next one");
		page.find("#create-room").click();
		page.waiting().until((driver) -> !driver.getCurrentUrl().endsWith(roomId));
		page.awaitStatus("connected");
		assertThat(page.find("#room-gone").isDisplayed()).isFalse();
		assertThat(page.find("#message").isEnabled()).isTrue();
		assertThat(page.status()).isEqualTo("Connected");
		page.send("in the next room");
		page.awaitMessage("in the next room");
	}

	@Test
	void everyoneInARoomIsToldAtOnceWhenItIsDeletedAndKeepsWhatTheyWereTyping() throws Exception {
		ChatPage erinPage = page(erin).open("/").setUsername("Erin Eads");
		String roomId = erinPage.createRoom("Short-lived");
		ChatPage frankPage = page(frank).open("/rooms/" + roomId).setUsername("Frank Fox").awaitStatus("connected");
		erinPage.send("we are closing this room");
		frankPage.awaitMessage("we are closing this room");
		frankPage.waiting().until((driver) -> !frankPage.findAll("#roster li[data-username='Erin Eads']").isEmpty());
		frankPage.find("#message").sendKeys("half a thought");

		deleteRoomOverRest(roomId, erinPage.ownerToken(roomId));

		// Neither sends anything: the server tells both pages.
		for (ChatPage page : List.of(frankPage, erinPage)) {
			WebElement notice = page.find("#room-gone");
			page.waiting().until((driver) -> notice.isDisplayed());
			assertThat(notice.getText()).isEqualTo(NOTICE);
			assertClosed(page);
			assertThat(page.findAll("#recent-rooms a[href='/rooms/" + roomId + "']")).as("dropped from Recent")
				.isEmpty();
			assertThat(page.findAll("#roster li")).as("nobody is in a deleted room").isEmpty();
		}
		WebElement box = frankPage.find("#message");
		assertThat(box.getDomProperty("value")).as("what Frank was typing is kept").isEqualTo("half a thought");
		assertThat(frankPage.script("const box = document.getElementById('message'); box.select();"
				+ "return box.value.substring(box.selectionStart, box.selectionEnd);"))
			.as("and can be selected to copy")
			.isEqualTo("half a thought");
		assertThat(frankPage.shownTexts()).containsExactly("we are closing this room");
		assertThat(frankPage.findAll("#messages li.pending")).isEmpty();
		frank.screenshot("desktop-room-deleted-told");
	}

	@Test
	void roomDeletedElsewhereIsShownAsDeletedWhenTheCatchUpAfterAReconnectFindsItGone() throws Exception {
		OwnedRoom room = createOwnedRoomOverRest("Vanishing");
		ChatPage page = page(frank).open("/rooms/" + room.id()).setUsername("Frank Fox").awaitStatus("connected");
		try (MqttPeer peer = mqttPeer(room.id())) {
			peer.publish("hello from a terminal");
			page.awaitMessage("hello from a terminal");
		}

		// Deleted while the page is away: on reconnecting it asks for what it missed and
		// gets 404.
		this.sessions.refuseNewSessions(true);
		try {
			assertThat(this.sessions.dropAll()).isGreaterThanOrEqualTo(1);
			page.awaitStatus("reconnecting");
			deleteRoomOverRest(room.id(), room.ownerToken());
		}
		finally {
			this.sessions.refuseNewSessions(false);
		}
		page.script("dispatchEvent(new Event('online'));");

		WebElement notice = page.find("#room-gone");
		page.waiting(RECONNECT).until((driver) -> notice.isDisplayed());
		assertThat(notice.getText()).isEqualTo(NOTICE);
		assertClosed(page);
		assertThat(page.find("#chat-error").getText()).isEmpty();
		assertThat(page.find("#history-status").getText()).isEmpty();
		assertThat(page.findAll("#recent-rooms a[href='/rooms/" + room.id() + "']")).isEmpty();
		assertThat((String) page.script("return document.body.innerText;")).doesNotContain("No room has this id",
				"POST /api/rooms", "could not be loaded");
	}

	@Test
	void openingADeletedRoomFromRecentOrByItsLinkSaysItNoLongerExists() throws Exception {
		OwnedRoom room = createOwnedRoomOverRest("Gone by now");
		ChatPage page = page(erin).open("/rooms/" + room.id()).setUsername("Erin Eads").awaitStatus("connected");
		page.open("/");
		WebElement recent = page.find("#recent-rooms a[href='/rooms/" + room.id() + "']");
		deleteRoomOverRest(room.id(), room.ownerToken());

		recent.click();
		WebElement error = page.find("#start-error");
		page.waiting().until((driver) -> !error.getText().isBlank());
		assertThat(error.getText()).isEqualTo("This room no longer exists.");
		assertThat(page.find("#chat").isDisplayed()).isFalse();
		assertThat(page.findAll("#recent-rooms a[href='/rooms/" + room.id() + "']")).isEmpty();

		// Its link, pasted later, says the same rather than that the link is wrong.
		page.open("/");
		page.find("#room-link").sendKeys(baseUrl() + "/rooms/" + room.id(), Keys.ENTER);
		WebElement again = page.find("#start-error");
		page.waiting().until((driver) -> !again.getText().isBlank());
		assertThat(again.getText()).isEqualTo("This room no longer exists.");
		erin.screenshot("desktop-room-no-longer-exists");
	}

	/**
	 * A deleted room's page: no status that promises a chat, no message box, nothing to
	 * share.
	 */
	private static void assertClosed(ChatPage page) {
		assertThat(page.status()).isNotEqualTo("Connected").isEqualTo("Room deleted");
		assertThat(page.find("#message").getDomProperty("readOnly")).as("the message box takes no text")
			.isEqualTo("true");
		assertThat(page.find("#send").isEnabled()).isFalse();
		assertThat(page.find("#copy-link").isDisplayed()).isFalse();
		assertThat(page.find("#empty").isDisplayed()).as("no invitation to a deleted room").isFalse();
	}

}
