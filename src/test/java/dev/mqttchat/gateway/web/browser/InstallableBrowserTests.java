package dev.mqttchat.gateway.web.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page as an installable app in Chromium: its manifest, icons and service worker meet
 * the browser's installability criteria, and the worker starts the page from its cache
 * when the server cannot be reached.
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

			// Opening rooms offline from what the page kept is the next step (issue 31);
			// back online, it opens as always.
			proxy.heal();
			page.open("/rooms/" + roomId).awaitStatus("connected", Duration.ofSeconds(30));
			assertThat(page.find("#room-title").getText()).isEqualTo("Shell");
		}
	}

	private static void awaitControlled(ChatPage page) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Boolean.TRUE.equals(page.script("return navigator.serviceWorker.controller !== null;")));
	}

}
