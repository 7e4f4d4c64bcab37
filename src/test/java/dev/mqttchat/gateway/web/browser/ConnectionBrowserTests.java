package dev.mqttchat.gateway.web.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's connection when the server drops the WebSocket: status, reconnect by itself,
 * no message lost.
 */
@Tag("jdk-smoke")
class ConnectionBrowserTests extends BrowserTestSupport {

	// Backoff starts at 0.5-1 s and doubles per failed attempt; a few attempts fit in
	// here.
	private static final Duration RECONNECT = Duration.ofSeconds(20);

	// stompjs looks every 10 s for 20 s without a frame from the server (heart-beats
	// every
	// 10 s both ways).
	private static final Duration HEARTBEAT_BOUND = Duration.ofSeconds(30);

	private static Browser carol;

	@BeforeAll
	static void startBrowser() {
		carol = Browser.start();
	}

	@AfterAll
	static void quitBrowser() {
		carol.close();
	}

	@AfterEach
	void acceptConnectionsAgainWithoutScriptErrors() {
		carol.network(true);
		this.sessions.refuseNewSessions(false);
		assertThat(carol.consoleErrors()).as("script errors or CSP violations").isEmpty();
	}

	@Test
	void pageReconnectsByItselfAfterTheServerDropsTheWebSocket() throws Exception {
		ChatPage page = page(carol).open("/").setUsername("Carol Chen");
		String roomId = page.createRoom("Flaky network");
		try (MqttPeer peer = mqttPeer(roomId)) {
			peer.publish("before the drop");
			page.awaitMessage("before the drop");

			assertThat(this.sessions.dropAll()).isGreaterThanOrEqualTo(1);
			page.awaitStatus("reconnecting");
			assertThat(page.status()).containsIgnoringCase("reconnecting");

			page.awaitStatus("connected", RECONNECT);
			assertThat(page.status()).isEqualTo("Connected");
			peer.publish("after the drop");
			WebElement after = page.awaitMessage("after the drop");
			assertThat(ChatPage.senderOf(after)).isEqualTo("MQTT client");
			page.send("still here");
			assertThat(peer.awaitMessageWithText("still here").path("username").asString()).isEqualTo("Carol Chen");
			page.awaitMessage("still here");
			// The page catches up from history instead of saying that missed messages are
			// gone.
			assertThat(page.findAll("#messages li.system")).isEmpty();
			assertThat(page.shownTexts()).containsExactly("before the drop", "after the drop", "still here");
		}
	}

	@Test
	void messageTypedWhileDisconnectedIsSentOnReconnect() throws Exception {
		ChatPage page = page(carol).open("/").setUsername("Carol Chen");
		String roomId = page.createRoom("Offline draft");
		try (MqttPeer peer = mqttPeer(roomId)) {
			this.sessions.refuseNewSessions(true);
			this.sessions.dropAll();
			page.awaitStatus("reconnecting");

			page.send("typed while offline");
			WebElement pending = page.waiting()
				.until((driver) -> page.findAll("#messages li.pending").stream().findFirst().orElse(null));
			assertThat(pending.getDomAttribute("data-state")).isEqualTo("queued");
			assertThat(pending.getText()).contains("typed while offline", "Waiting for the connection");
			assertThat(page.find("#message").getDomProperty("value")).as("composer cleared").isEmpty();
			assertThat(page.find("#message").getDomAttribute("placeholder"))
				.contains("sent when the connection is back");
			assertThat(page.status()).containsIgnoringCase("reconnecting");
			carol.screenshot("desktop-waiting-for-connection");

			this.sessions.refuseNewSessions(false);
			page.awaitStatus("connected", RECONNECT);
			assertThat(peer.awaitMessageWithText("typed while offline").path("clientId").asString()).startsWith("web-");
			WebElement delivered = page.awaitMessage("typed while offline");
			assertThat(delivered.getDomAttribute("class")).contains("own");
			assertThat(page.findAll("#messages li.pending")).isEmpty();
		}
	}

	@Test
	void aLostNetworkTurnsTheStatusOfflineAndWhatIsSentMeanwhileWaitsThenGoesOnce() throws Exception {
		try (PageProbe probe = PageProbe.install(carol, false)) {
			ChatPage page = page(carol).open("/").setUsername("Carol Chen");
			String roomId = page.createRoom("Train tunnel");
			page.awaitStatus("connected");
			assertThat((String) page.script("return window.__probe.frames.find((f) => f.startsWith('CONNECTED'));"))
				.as("heart-beats both ways, every 10 s")
				.contains("heart-beat:10000,10000");
			try (MqttPeer peer = mqttPeer(roomId)) {
				peer.publish("before the tunnel");
				page.awaitMessage("before the tunnel");

				long lost = System.nanoTime();
				carol.network(false);
				page.awaitStatus("offline", HEARTBEAT_BOUND);
				assertThat(Duration.ofNanos(System.nanoTime() - lost)).isLessThan(HEARTBEAT_BOUND);
				assertThat(page.status()).isEqualTo("Offline");
				page.send("sent in the tunnel");
				WebElement pending = page.waiting()
					.until((driver) -> page.findAll("#messages li.pending").stream().findFirst().orElse(null));
				assertThat(pending.getDomAttribute("data-state")).isEqualTo("queued");
				assertThat(pending.getText()).contains("sent in the tunnel", "Waiting for the connection");
				peer.publish("said while Carol was away");
				awaitStored(roomId, 2);
				carol.screenshot("desktop-offline");

				carol.network(true);
				page.awaitStatus("connected", RECONNECT);
				page.awaitMessage("sent in the tunnel");
				page.awaitMessage("said while Carol was away");
				assertThat(page.findAll("#messages li.pending")).isEmpty();
				assertThat(awaitStored(roomId, 3)).extracting((message) -> message.path("text").asString())
					.containsExactly("before the tunnel", "said while Carol was away", "sent in the tunnel");
				assertThat(page.shownTexts()).containsExactly("before the tunnel", "said while Carol was away",
						"sent in the tunnel");
			}
		}
	}

}
