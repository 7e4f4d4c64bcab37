package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room's history on the page: shown when the room opens, merged with live messages,
 * caught up after a reconnect, older pages on demand, a search hit opened in its
 * conversation, and deleting a room this browser created.
 */
class HistoryBrowserTests extends BrowserTestSupport {

	// The reconnect backoff grows while the server refuses; the page skips the wait when
	// the network comes back.
	private static final Duration RECONNECT = Duration.ofSeconds(20);

	private static Browser dave;

	@BeforeAll
	static void startBrowser() {
		dave = Browser.start();
	}

	@AfterAll
	static void quitBrowser() {
		dave.close();
	}

	@AfterEach
	void acceptConnectionsAgainWithoutScriptErrors() {
		this.sessions.refuseNewSessions(false);
		assertThat(dave.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void roomWithHistoryShowsItThenLiveMessagesWithoutDuplicates() throws Exception {
		String roomId = createRoomOverRest("Archive");
		List<String> earlier = texts("earlier", 12);
		List<String> meanwhile = texts("while loading", 5);
		try (MqttPeer peer = mqttPeer(roomId); PageProbe probe = PageProbe.install(dave, true)) {
			for (String text : earlier) {
				peer.publish(text);
			}
			awaitStored(roomId, earlier.size());

			// The page subscribes, then asks for the history; the probe holds that
			// request while more messages reach the page live. Once let go, the history
			// holds those messages too: each must show once.
			ChatPage page = page(dave).open("/rooms/" + roomId).setUsername("Dave Dunn").awaitStatus("connected");
			page.awaitHeldHistoryRequest();
			for (String text : meanwhile) {
				peer.publish(text);
				page.awaitFrameWithText(text);
			}
			awaitStored(roomId, earlier.size() + meanwhile.size());
			assertThat(page.shownTexts()).as("live messages wait for the history").isEmpty();
			assertThat(page.find("#history-status").getText()).isEqualTo("Loading messages…");
			assertThat(page.find("#empty").isDisplayed()).as("no empty-room invitation while loading").isFalse();

			page.releaseHistory();
			page.awaitLastText(meanwhile.get(meanwhile.size() - 1), Duration.ofSeconds(15));
			assertThat(page.shownTexts()).containsExactlyElementsOf(concat(earlier, meanwhile));
			assertThat(page.find("#history-status").isDisplayed()).isFalse();
			assertThat(page.find("#empty").isDisplayed()).isFalse();
			assertThat(page.find("#older").isDisplayed()).as("the whole room fits one page").isFalse();

			peer.publish("live after history");
			page.awaitLastText("live after history", Duration.ofSeconds(15));
			List<String> all = concat(earlier, meanwhile, List.of("live after history"));
			assertThat(page.shownTexts()).containsExactlyElementsOf(all).doesNotHaveDuplicates();
			assertThat(page.shownIds()).hasSize(all.size()).doesNotHaveDuplicates();
			assertThat(page.shownSeqs()).containsExactlyElementsOf(seqs(1, all.size()));
			assertThat(ChatPage.senderOf(page.awaitMessage("earlier 1"))).isEqualTo("MQTT client");
			assertThat(page.findAll("#messages li.system")).as("no note about missed messages").isEmpty();
			dave.screenshot("desktop-history");
		}
	}

	@Test
	void browserDisconnectedWhile20MessagesWereSentShowsAll20OnceAfterReconnecting() throws Exception {
		try (PageProbe probe = PageProbe.install(dave, false)) {
			ChatPage page = page(dave).open("/").setUsername("Dave Dunn");
			String roomId = page.createRoom("Patchy network");
			List<String> missed = texts("missed", 20);
			try (MqttPeer peer = mqttPeer(roomId)) {
				page.send("before the drop");
				page.awaitMessage("before the drop");

				this.sessions.refuseNewSessions(true);
				assertThat(this.sessions.dropAll()).isGreaterThanOrEqualTo(1);
				page.awaitStatus("reconnecting");
				for (String text : missed) {
					peer.publish(text);
				}
				// All 20 are history now, and none reached the page live.
				awaitStored(roomId, 1 + missed.size());
				assertThat(page.shownTexts()).containsExactly("before the drop");
				assertThat(page.status()).containsIgnoringCase("reconnecting");

				// The catch-up request waits while one more message arrives live on the
				// new connection.
				page.holdHistory();
				this.sessions.refuseNewSessions(false);
				// The network "comes back": the page skips the rest of its backoff wait.
				page.script("dispatchEvent(new Event('online'));");
				page.awaitStatus("connected", RECONNECT);
				page.awaitHeldHistoryRequest();
				peer.publish("during the catch-up");
				page.awaitFrameWithText("during the catch-up");
				assertThat(page.shownTexts()).as("held until the missed ones are in")
					.containsExactly("before the drop");

				page.releaseHistory();
				page.awaitLastText("during the catch-up", Duration.ofSeconds(15));
				List<String> expected = concat(List.of("before the drop"), missed, List.of("during the catch-up"));
				assertThat(page.shownTexts()).containsExactlyElementsOf(expected);

				page.send("after reconnecting");
				page.awaitLastText("after reconnecting", Duration.ofSeconds(15));
				expected = concat(expected, List.of("after reconnecting"));
				assertThat(page.shownTexts()).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
				assertThat(page.shownIds()).hasSize(expected.size()).doesNotHaveDuplicates();
				assertThat(page.shownSeqs()).containsExactlyElementsOf(seqs(1, expected.size()));
				assertThat(page.findAll("#messages li.pending")).isEmpty();
				assertThat(page.findAll("#messages li.system")).as("no 'not replayed' note any more").isEmpty();
				assertThat(page.find("#chat-error").getText()).isEmpty();
			}
		}
	}

	@Test
	void loadOlderMessagesShowsEarlierHistoryAboveWithoutMovingTheView() throws Exception {
		String roomId = createRoomOverRest("Long thread");
		List<String> all = texts("old", 70);
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (String text : all) {
				peer.publish(text);
			}
			awaitStored(roomId, all.size());
		}
		ChatPage page = page(dave).open("/rooms/" + roomId).setUsername("Dave Dunn").awaitStatus("connected");
		page.awaitLastText("old 70", Duration.ofSeconds(15));
		assertThat(page.shownTexts()).as("the newest 50").containsExactlyElementsOf(all.subList(20, 70));
		WebElement older = page.find("#load-older");
		page.waiting().until((driver) -> older.isDisplayed());
		assertThat(older.getText()).isEqualTo("Load older messages");

		page.script("document.getElementById('scroller').scrollTop = 0;");
		WebElement formerFirst = page.awaitMessage("old 21");
		assertThat(page.inConversationView("#messages li.message[data-seq='21']")).isTrue();
		older.click();
		page.waiting().until((driver) -> page.shownTexts().size() == all.size());
		assertThat(page.shownTexts()).containsExactlyElementsOf(all);
		assertThat(page.shownSeqs()).containsExactlyElementsOf(seqs(1, all.size()));
		assertThat(page.find("#older").isDisplayed()).as("nothing older than the first message").isFalse();
		assertThat(page.inConversationView("#messages li.message[data-seq='21']"))
			.as("the reader still sees what was on top before")
			.isTrue();
		assertThat(formerFirst.getDomAttribute("class")).as("grouped under the older messages of its sender")
			.contains("continued");
		assertThat(page.findAll("#messages li.day")).as("one day separator, at the top").hasSize(1);
		assertThat(page.activeElementId()).as("focus stays in the conversation").isEqualTo("scroller");
	}

	@Test
	void aSearchHitThreeHundredMessagesBackOpensTheMessageInItsConversation() throws Exception {
		String roomId = createRoomOverRest("Big archive");
		List<String> all = new ArrayList<>(texts("chatter", 300));
		all.set(11, "the zebra crossing is *closed*");
		try (MqttPeer peer = mqttPeer(roomId)) {
			for (String text : all) {
				peer.publish(text);
			}
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> storedMessages(roomId),
					(stored) -> !stored.isEmpty() && stored.get(stored.size() - 1).get("seq").asLong() == all.size());
		ChatPage page = page(dave).open("/rooms/" + roomId).setUsername("Dave Dunn").awaitStatus("connected");
		page.awaitLastText("chatter 300", Duration.ofSeconds(15));
		assertThat(page.shownTexts()).as("the newest page only").doesNotContain(all.get(11));

		page.find("#search-input").sendKeys("ZEBRA cross", Keys.ENTER);
		WebElement hit = page.waiting()
			.until((driver) -> page.findAll("#search-hits .search-hit").stream().findFirst().orElse(null));
		assertThat(page.findAll("#search-hits .search-hit")).hasSize(1);
		assertThat(hit.findElements(By.cssSelector("mark"))).extracting(WebElement::getText)
			.containsExactly("zebra", "crossing");
		assertThat(hit.findElement(By.cssSelector(".snippet")).getText()).isEqualTo("the zebra crossing is *closed*");
		assertThat(page.find("#search-note").isDisplayed()).as("no encryption note in a plain room").isFalse();
		hit.click();

		// Shown formatted: the stars of "*closed*" make it emphasis.
		WebElement found = page.waiting()
			.until((driver) -> page.findAll("#messages li.message[data-seq='12']").stream().findFirst().orElse(null));
		assertThat(ChatPage.textOf(found)).isEqualTo("the zebra crossing is closed");
		assertThat(found.findElement(By.cssSelector(".text em")).getText()).isEqualTo("closed");
		page.waiting().until((driver) -> page.inConversationView("#messages li.message[data-seq='12']"));
		assertThat(found.getDomAttribute("class")).contains("highlight");
		assertThat(page.shownSeqs()).as("the page around it, the room's start included")
			.containsExactlyElementsOf(seqs(1, 50));
		assertThat(page.find("#search-results").isDisplayed()).as("the results stay for the next hit").isTrue();
		dave.screenshot("search-hit-in-context");
	}

	@Test
	void browserThatCreatedARoomDeletesItAfterConfirmingAndSeesTheProblemWhenRefused() throws Exception {
		String othersRoom = createRoomOverRest("Someone else's");
		ChatPage page = page(dave).open("/rooms/" + othersRoom).setUsername("Dave Dunn").awaitStatus("connected");
		assertThat(page.find("#delete-room").isDisplayed()).as("only the creating browser may delete").isFalse();

		page.open("/");
		String roomId = page.createRoom("Short-lived");
		assertThat(page.driver().getCurrentUrl()).doesNotContain("token");
		WebElement delete = page.find("#delete-room");
		assertThat(delete.isDisplayed()).isTrue();
		assertThat(delete.getText()).isEqualTo("Delete room");

		// A token the server does not accept: the page says why and keeps the room.
		String token = (String) page.script("return JSON.parse(localStorage.getItem('chat.ownedRooms'))[arguments[0]];",
				roomId);
		assertThat(token).isNotBlank();
		page.script("const owned = JSON.parse(localStorage.getItem('chat.ownedRooms'));"
				+ " owned[arguments[0]] = 'not-the-token'; localStorage.setItem('chat.ownedRooms', JSON.stringify(owned));",
				roomId);
		delete.click();
		page.waiting().until(ExpectedConditions.alertIsPresent()).accept();
		WebElement error = page.find("#chat-error");
		page.waiting().until((driver) -> !error.getText().isBlank());
		assertThat(error.getText()).startsWith("The room was not deleted:");
		assertThat(roomStatus(roomId)).isEqualTo(200);

		// Cancelling the confirmation deletes nothing.
		page.script("const owned = JSON.parse(localStorage.getItem('chat.ownedRooms'));"
				+ " owned[arguments[0]] = arguments[1]; localStorage.setItem('chat.ownedRooms', JSON.stringify(owned));",
				roomId, token);
		delete.click();
		page.waiting().until(ExpectedConditions.alertIsPresent()).dismiss();
		assertThat(roomStatus(roomId)).isEqualTo(200);

		delete.click();
		page.waiting().until(ExpectedConditions.alertIsPresent()).accept();
		page.waiting().until(ExpectedConditions.urlToBe(baseUrl() + "/"));
		WebElement note = page.find("#start-note");
		page.waiting().until((driver) -> note.getText().contains("was deleted"));
		assertThat(roomStatus(roomId)).isEqualTo(404);
		assertThat(page.findAll("#recent-rooms a[href='/rooms/" + roomId + "']")).isEmpty();
		assertThat(page.script("return localStorage.getItem('chat.ownedRooms');")).asString().doesNotContain(roomId);
		assertThat(page.driver().findElements(By.cssSelector("#chat")).get(0).isDisplayed()).isFalse();
	}

	private static List<String> texts(String prefix, int count) {
		return IntStream.rangeClosed(1, count).mapToObj((i) -> prefix + " " + i).toList();
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		List<String> all = new ArrayList<>();
		for (List<String> list : lists) {
			all.addAll(list);
		}
		return all;
	}

	private static List<Long> seqs(long from, long to) {
		return LongStream.rangeClosed(from, to).boxed().toList();
	}

}
