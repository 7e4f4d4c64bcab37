package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import dev.mqttchat.gateway.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page as an installable app in Chromium: its manifest, icons and service worker meet
 * the browser's installability criteria, the worker starts the page from its cache when
 * the server cannot be reached, and a recent room opens offline from what the page kept.
 */
class InstallableBrowserTests extends BrowserTestSupport {

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
	void pageIsInstallableWithItsManifestIconsAndServiceWorker() {
		ChatPage page = page(browser).open("/");
		awaitControlled(page);

		Map<String, Object> errors = browser.driver().executeCdpCommand("Page.getInstallabilityErrors", Map.of());
		assertThat((List<?>) errors.get("installabilityErrors")).as("Chromium's installability errors").isEmpty();
		Map<String, Object> manifest = browser.driver().executeCdpCommand("Page.getAppManifest", Map.of());
		assertThat((List<?>) manifest.get("errors")).as("manifest errors").isEmpty();
		assertThat((String) manifest.get("url")).endsWith("/manifest.webmanifest");
		assertThat((String) manifest.get("data")).contains("\"display\": \"standalone\"")
			.contains("\"sizes\": \"192x192\"")
			.contains("\"sizes\": \"512x512\"")
			.contains("\"purpose\": \"maskable\"");
	}

	@Test
	void serviceWorkerStartsThePageWhenTheServerIsUnreachable() throws Exception {
		try (TcpProxy proxy = TcpProxy.to(this.port)) {
			ChatPage page = new ChatPage(browser.driver(), "http://localhost:" + proxy.port());
			page.open("/").setUsername("Offline Olga");
			String roomId = page.createRoom("Shell");
			awaitControlled(page);

			proxy.cut();
			page.open("/rooms/" + roomId);
			assertThat(page.find("#room-title").isDisplayed() || page.find("#welcome").isDisplayed())
				.as("the page came from the worker's cache")
				.isTrue();
			assertThat(page.find("#username").getDomProperty("value")).isEqualTo("Offline Olga");
			assertThat(page.find("#message")).isNotNull();

			// Back online, it opens as always.
			proxy.heal();
			page.open("/rooms/" + roomId).awaitStatus("connected", Duration.ofSeconds(30));
			assertThat(page.find("#room-title").getText()).isEqualTo("Shell");
		}
	}

	@Test
	void keptRoomOpensOfflineAndWhatIsWrittenThereIsDeliveredOnceWhenBack() throws Exception {
		try (TcpProxy proxy = TcpProxy.to(this.port)) {
			ChatPage page = new ChatPage(browser.driver(), "http://localhost:" + proxy.port());
			page.open("/").setUsername("Tunnel Tess");
			String roomId = page.createRoom("Train");
			awaitControlled(page);
			try (MqttPeer peer = mqttPeer(roomId)) {
				peer.publish("next stop soon");
				page.awaitMessage("next stop soon");
				page.send("see you there");
				page.awaitMessage("see you there");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> keptTexts(page, roomId),
							(texts) -> texts.equals(List.of("next stop soon", "see you there")));

				proxy.cut();
				browser.network(false);
				try {
					page.open("/rooms/" + roomId).awaitStatus("offline", Duration.ofSeconds(20));
					assertThat(page.status()).isEqualTo("Offline");
					assertThat(page.find("#room-title").getText()).isEqualTo("Train");
					page.awaitMessage("see you there");
					assertThat(page.shownTexts()).containsExactly("next stop soon", "see you there");
					assertThat(page.find("#messages li.system").getText()).startsWith("Offline:");

					page.send("written in the tunnel");
					page.waiting().until((driver) -> page.findAll("#messages li.pending").size() == 1);
					browser.screenshot("desktop-offline-kept-room");
					// The outbox survives a reload while offline.
					page.open("/rooms/" + roomId).awaitStatus("offline", Duration.ofSeconds(20));
					WebElement pending = page.waiting()
						.until((driver) -> page.findAll("#messages li.pending").stream().findFirst().orElse(null));
					assertThat(pending.getText()).contains("written in the tunnel", "Waiting for the connection");
					peer.publish("said while Tess was away");
					awaitStored(roomId, 3);
				}
				finally {
					proxy.heal();
					browser.network(true);
				}

				page.awaitStatus("connected", Duration.ofSeconds(40));
				page.awaitMessage("written in the tunnel");
				page.awaitMessage("said while Tess was away");
				assertThat(peer.awaitMessageWithText("written in the tunnel").path("username").asString())
					.isEqualTo("Tunnel Tess");
				List<String> stored = awaitStored(roomId, 4).stream()
					.map((message) -> message.path("text").asString())
					.toList();
				assertThat(stored).containsExactlyInAnyOrder("next stop soon", "see you there",
						"said while Tess was away", "written in the tunnel");
				page.waiting().until((driver) -> page.findAll("#messages li.pending").isEmpty());
				assertThat(page.shownTexts()).containsExactlyInAnyOrder("next stop soon", "see you there",
						"said while Tess was away", "written in the tunnel");
			}
		}
	}

	@Test
	void anEncryptedRoomIsKeptSealed() {
		ChatPage page = page(browser).open("/").setUsername("Sealed Sam");
		page.find("#room-name").sendKeys("Vault");
		page.find("label[for='room-encrypted']").click();
		page.find("#create-room").click();
		page.awaitStatus("connected");
		String roomId = page.roomId().replaceAll("#.*", "");
		page.send("the code is 4711");
		page.awaitMessage("the code is 4711");

		List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(10))
			.until(() -> kept(page, roomId), (kept) -> kept.size() == 1);
		assertThat(entries.get(0)).containsKey("ciphertext");
		assertThat(entries.get(0).toString()).doesNotContain("4711");
	}

	/** The entries this page keeps of the room in IndexedDB, in order, as kept. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> kept(ChatPage page, String roomId) {
		return (List<Map<String, Object>>) page.script("""
				return new Promise((resolve) => {
				  const opening = indexedDB.open("mqtt-chat-rooms");
				  // Not made yet by the page: made here, it would lack the page's store.
				  opening.onupgradeneeded = () => {
				    opening.transaction.abort();
				    resolve([]);
				  };
				  opening.onsuccess = () => {
				    const get = opening.result.transaction("rooms").objectStore("rooms").get(arguments[0]);
				    get.onsuccess = () => resolve(get.result?.messages ?? []);
				  };
				});
				""", roomId);
	}

	private static List<Object> keptTexts(ChatPage page, String roomId) {
		return kept(page, roomId).stream().map((entry) -> entry.get("text")).toList();
	}

	private static void awaitControlled(ChatPage page) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Boolean.TRUE.equals(page.script("return navigator.serviceWorker.controller !== null;")));
	}

}
