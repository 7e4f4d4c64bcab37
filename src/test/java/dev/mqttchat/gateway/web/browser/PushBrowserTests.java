package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Web Push on the page in Chromium: a push the service worker receives shows its room's
 * notification, whose address opens the room at the message, and none for the room a page
 * is showing.
 */
class PushBrowserTests extends BrowserTestSupport {

	private static Browser browser;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void quitBrowser() {
		browser.close();
	}

	@Test
	void pushShowsTheRoomsNotificationWhoseAddressOpensTheRoomAtTheMessage() throws Exception {
		ChatPage page = page(browser).open("/").setUsername("Push Paula");
		String roomId = page.createRoom("Pushed");
		page.send("the release is out");
		page.awaitMessage("the release is out");
		long seq = storedMessages(roomId).get(0).path("seq").asLong();
		page.send("notes are in the **wiki**, @team");
		page.awaitMessage("notes are in the wiki, @team");
		page.open("/");
		awaitControlled(page);
		browser.driver()
			.executeCdpCommand("Browser.grantPermissions",
					Map.of("origin", baseUrl(), "permissions", List.of("notifications")));

		// The push the gateway would send, delivered to the worker as the push service
		// would (the DevTools protocol: no push service in the test).
		deliverPush(Map.of("roomId", roomId, "seq", seq, "title", "Pushed", "body", "Push Paula: the release is out"));
		List<Map<String, Object>> shown = awaitNotifications(page, 1);
		assertThat(shown.get(0)).containsEntry("title", "Pushed")
			.containsEntry("body", "Push Paula: the release is out")
			.containsEntry("tag", roomId);
		String target = "/rooms/" + roomId + "?around=" + seq;
		assertThat(shown.get(0).get("data")).isEqualTo(Map.of("roomId", roomId, "seq", seq, "url", target));

		// A click focuses an open page or opens this address (pushClicked, unit-tested in
		// node: no protocol clicks a notification); the page it opens shows the message.
		page.open(target);
		page.waiting(Duration.ofSeconds(15))
			.until((driver) -> !page.findAll("#messages li.message.highlight[data-seq=\"" + seq + "\"]").isEmpty());
		assertThat(page.find("#room-title").getText()).isEqualTo("Pushed");
		assertThat((String) page.script("return location.search;")).as("the address is the room's again").isEmpty();
		assertThat(page.find("#room-notify").getDomProperty("value")).isEqualTo("mentions");
		// The room as the installed app shows it on a phone, full screen with no browser
		// bar (docs/screenshot-installed-app.png).
		browser.phone(412, 915);
		browser.screenshot("phone-installed-app");
		browser.desktop();

		// While a page shows the room, its push shows nothing; another room's still does.
		page.script("return navigator.serviceWorker.ready"
				+ ".then((r) => r.getNotifications()).then((all) => all.forEach((n) => n.close()));");
		deliverPush(Map.of("roomId", roomId, "seq", seq, "title", "Pushed", "body", "again"));
		deliverPush(Map.of("roomId", "Other0000000000000000A", "seq", 1, "title", "Elsewhere", "body", "hi"));
		assertThat(awaitNotifications(page, 1)).extracting((notification) -> notification.get("title"))
			.containsExactly("Elsewhere");
	}

	private void deliverPush(Map<String, Object> payload) {
		DevTools devTools = browser.driver().getDevTools();
		devTools.createSessionIfThereIsNotOne();
		List<Map<String, Object>> registrations = new CopyOnWriteArrayList<>();
		devTools.addListener(new Event<>("ServiceWorker.workerRegistrationUpdated",
				(input) -> input.<Map<String, Object>>read(Json.MAP_TYPE)), (params) -> {
					@SuppressWarnings("unchecked")
					List<Map<String, Object>> updated = (List<Map<String, Object>>) params.get("registrations");
					registrations.addAll(updated);
				});
		String scope = baseUrl() + "/";
		Supplier<String> ours = () -> registrations.stream()
			.filter((registration) -> scope.equals(registration.get("scopeURL"))
					&& !Boolean.TRUE.equals(registration.get("isDeleted")))
			.map((registration) -> String.valueOf(registration.get("registrationId")))
			.findFirst()
			.orElse(null);
		// Enabling the domain reports every registration; again if the report went
		// missing.
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			if (ours.get() == null) {
				devTools.send(new Command<>("ServiceWorker.disable", Map.of()));
				devTools.send(new Command<>("ServiceWorker.enable", Map.of()));
			}
			return ours.get() != null;
		});
		String registrationId = ours.get();
		assertThat(registrationId).as("the worker's registration among %s", registrations).isNotNull();
		devTools.send(new Command<>("ServiceWorker.deliverPushMessage", Map.of("origin", baseUrl(), "registrationId",
				registrationId, "data", JsonMapper.builder().build().writeValueAsString(payload))));
		devTools.clearListeners();
	}

	/** The worker registration's notifications, once there are {@code count} of them. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> awaitNotifications(ChatPage page, int count) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> (List<Map<String, Object>>) ((JavascriptExecutor) page.driver())
				.executeAsyncScript("const done = arguments[arguments.length - 1];"
						+ " navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((all) => done(all"
						+ ".map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data }))));"),
					(all) -> all.size() == count);
	}

	private static void awaitControlled(ChatPage page) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Boolean.TRUE.equals(page.script("return navigator.serviceWorker.controller !== null;")));
	}

}
