package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

import dev.mqttchat.gateway.testsupport.MqttTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people in one room, each in a browser of their own, and a plain MQTT client: the
 * roster, "is typing…", "Seen by" and the quiet join and leave lines.
 */
class PresenceBrowserTests extends BrowserTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private Browser ada;

	private Browser bob;

	@BeforeEach
	void startBrowsers() {
		this.ada = Browser.start();
		this.bob = Browser.start();
	}

	@AfterEach
	void quitBrowsers() {
		List<String> errors = List.of();
		if (this.ada != null) {
			errors = this.ada.consoleErrors();
			this.ada.close();
		}
		if (this.bob != null) {
			this.bob.close();
		}
		assertThat(errors).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void twoBrowsersSeeEachOtherTypeReadJoinAndLeave() {
		ChatPage adaPage = page(this.ada).open("/").setUsername("Ada");
		String roomId = adaPage.createRoom("Who is here");
		awaitRoster(adaPage, "Ada");
		// Bob opens the link and names himself only then, as someone invited would.
		ChatPage bobPage = page(this.bob).open("/rooms/" + roomId).awaitStatus("connected").setUsername("Bob");

		awaitRoster(adaPage, "Ada", "Bob");
		awaitRoster(bobPage, "Ada", "Bob");
		assertThat(adaPage.find("#roster-count").getText()).isEqualTo("2 here");
		assertThat(bobPage.find("#roster li[data-username='Bob']").getText()).contains("(you)");
		awaitEvent(adaPage, "Bob joined");

		bobPage.find("#message").sendKeys("hel");
		adaPage.waiting(WAIT).until((driver) -> adaPage.find("#typing").getText().equals("Bob is typing…"));
		assertThat(bobPage.find("#typing").getText()).as("nobody else types").isEmpty();

		adaPage.send("are you there, Bob?");
		bobPage.awaitMessage("are you there, Bob?");
		WebElement read = adaPage.waiting(WAIT)
			.until((driver) -> adaPage.findAll("#messages li.message p.seen-by")
				.stream()
				.filter((line) -> line.getText().equals("Seen by Bob"))
				.findFirst()
				.orElse(null));
		assertThat(ChatPage.textOf(read.findElement(By.xpath("..")))).isEqualTo("are you there, Bob?");
		bobPage.find("#message").sendKeys(" again");
		adaPage.waiting(WAIT).until((driver) -> adaPage.find("#typing").getText().equals("Bob is typing…"));
		this.ada.screenshot("desktop-presence");
		// Bob stopped typing without sending: the line goes after a few seconds of
		// silence.
		adaPage.waiting(WAIT).until((driver) -> adaPage.find("#typing").getText().isEmpty());

		this.bob.close();
		this.bob = null;
		awaitEvent(adaPage, "Bob left");
		awaitRoster(adaPage, "Ada");
		assertThat(adaPage.shownTexts()).as("join and leave are never messages").containsExactly("are you there, Bob?");
	}

	@Test
	void mqttClientWithAWillIsInTheRosterUntilItsConnectionIsCut() throws Exception {
		ChatPage adaPage = page(this.ada).open("/").setUsername("Ada");
		String roomId = adaPage.createRoom("With a terminal");
		String presence = TOPIC_PREFIX + roomId + "/presence/eve-terminal";
		MqttTestClient eve = MqttTestClient.connectWithWill(this.broker.url(), "eve-terminal", presence,
				"{\"status\":\"offline\"}", 5);
		try {
			eve.publishRetained(presence, "{\"username\":\"eve\",\"status\":\"online\"}");

			awaitRoster(adaPage, "Ada", "eve");
			assertThat(adaPage.find("#roster li[data-username='eve']").getDomAttribute("data-source"))
				.isEqualTo("mqtt");
			eve.cut();
			awaitRoster(adaPage, "Ada");
			awaitEvent(adaPage, "eve left");
		}
		finally {
			eve.close();
		}
	}

	@Test
	void twoPeopleCalledAliceWithTheirOwnKeysAreTwoEntriesEachSeeingTheOtherMarked() {
		ChatPage first = page(this.ada).open("/").setUsername("alice");
		String roomId = first.createRoom("Two alices");
		awaitRoster(first, "alice");
		ChatPage second = page(this.bob).open("/rooms/" + roomId).awaitStatus("connected").setUsername("alice");

		awaitRoster(first, "alice", "alice");
		awaitRoster(second, "alice", "alice");
		String entries = "return [...document.querySelectorAll('#roster li')].map((item) => [item.dataset.author"
				+ " ? 'key' : 'none', item.querySelector('.roster-you') ? 'you' : '',"
				+ " item.querySelector('.key-other')?.textContent ?? '']);";
		assertThat((List<?>) first.script(entries)).as("each proved its own key; to the first, the newcomer is marked")
			.map(String::valueOf)
			.containsExactlyInAnyOrder("[key, you, ]", "[key, , other key]");
		// The second browser saw the first alice before it took the name: she is the one
		// it knows, and the reader
		// is never marked ("(you)" says who that is).
		assertThat((List<?>) second.script(entries)).as("the second browser's list")
			.map(String::valueOf)
			.containsExactlyInAnyOrder("[key, you, ]", "[key, , ]");
		assertThat(first.find("#roster li:not([data-author=''])").getDomAttribute("data-author")).hasSize(43);
		awaitEvent(first, "alice joined");
	}

	private static void awaitRoster(ChatPage page, String... usernames) {
		// Read in one script call: the roster is drawn again as people come and go.
		String script = "return [...document.querySelectorAll('#roster li[data-username]')]"
				+ ".map((item) => item.dataset.username);";
		try {
			page.waiting(WAIT).until((driver) -> List.of(usernames).equals(page.script(script)));
		}
		catch (TimeoutException ex) {
			String server = org.springframework.web.client.RestClient.create(page.driver().getCurrentUrl())
				.get()
				.uri((uri) -> uri.replacePath("/api/rooms/" + page.roomId() + "/presence").build())
				.retrieve()
				.body(String.class);
			throw new AssertionError(
					"roster " + page.script(script) + " is not " + List.of(usernames) + "; the server has " + server,
					ex);
		}
	}

	private static void awaitEvent(ChatPage page, String text) {
		page.waiting(WAIT)
			.until((driver) -> Boolean.TRUE
				.equals(page.script("return [...document.querySelectorAll('#messages li.presence-event')]"
						+ ".some((line) => line.textContent.trim() === arguments[0]);", text)));
	}

}
