package dev.mqttchat.gateway.web.browser;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mqttchat.gateway.bridge.TestBrokers;
import dev.mqttchat.gateway.testsupport.GatewayProcess;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.FreePorts;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances over one broker and one database, a browser on each; the instance
 * serving Bob is killed ({@code kill -9}) and Ada's page, on the other instance, shows
 * him leaving within twice the MQTT keep-alive.
 */
@ExtendWith(ChromiumAvailable.class)
class InstanceKillBrowserTests {

	private static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

	private static final String ROSTER = "return [...document.querySelectorAll('#roster li[data-username]')]"
			+ ".map((item) => item.dataset.username);";

	@Test
	void aKilledInstancesUserLeavesTheOtherInstancesPage() throws Exception {
		int brokerPort = FreePorts.next();
		Server h2 = Server
			.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
					Files.createTempDirectory("browser-kill-").toString())
			.start();
		String[] shared = { "chat.mqtt.url=tcp://127.0.0.1:" + brokerPort,
				"chat.mqtt.keep-alive=" + KEEP_ALIVE.toSeconds() + "s",
				"chat.rooms.topic-prefix=kill/" + UUID.randomUUID() + "/rooms",
				"spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/chat" };
		try (AutoCloseable broker = TestBrokers.embedded(brokerPort);
				ConfigurableApplicationContext survivor = TestGateway.start(with(shared, "chat.instance-id=survivor"));
				Browser ada = Browser.start();
				Browser bob = Browser.start()) {
			GatewayProcess doomed = GatewayProcess.start(with(shared, "chat.instance-id=doomed"));
			try {
				ChatPage adaPage = new ChatPage(ada.driver(), "http://localhost:" + TestGateway.port(survivor));
				String roomId = adaPage.open("/").setUsername("Ada").createRoom("Two instances");
				new ChatPage(bob.driver(), "http://localhost:" + doomed.port()).open("/")
					.setUsername("Bob")
					.open("/rooms/" + roomId)
					.awaitStatus("connected");
				awaitRoster(adaPage, Duration.ofSeconds(15), "Ada", "Bob");

				long killedAt = System.nanoTime();
				doomed.kill();

				awaitRoster(adaPage, KEEP_ALIVE.multipliedBy(2), "Ada");
				Duration gone = Duration.ofNanos(System.nanoTime() - killedAt);
				assertThat(gone).as("Bob left Ada's page %s after his instance was killed", gone)
					.isLessThanOrEqualTo(KEEP_ALIVE.multipliedBy(2));
				assertThat(
						(Boolean) adaPage.script("return [...document.querySelectorAll('#messages li.presence-event')]"
								+ ".some((line) => line.textContent.trim() === 'Bob left');"))
					.as("the quiet leave line")
					.isTrue();
			}
			finally {
				doomed.close();
			}
		}
		finally {
			h2.stop();
		}
	}

	private static void awaitRoster(ChatPage page, Duration timeout, String... usernames) {
		page.waiting(timeout)
			.withMessage(() -> "roster " + page.script(ROSTER) + " is not " + List.of(usernames))
			.until((driver) -> List.of(usernames).equals(page.script(ROSTER)));
	}

	private static String[] with(String[] shared, String setting) {
		String[] all = java.util.Arrays.copyOf(shared, shared.length + 1);
		all[shared.length] = setting;
		return all;
	}

}
