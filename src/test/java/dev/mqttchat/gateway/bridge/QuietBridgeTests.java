package dev.mqttchat.gateway.bridge;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Normal traffic logs nothing per message: an instance skipping its own announcements is
 * no warning.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QuietBridgeTests {

	@LocalServerPort
	int port;

	@Test
	void bridgedMessagesLeaveNoWarningsInTheLog(CapturedOutput output) throws Exception {
		int startUp = output.getAll().length();
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient browser = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> inbox = browser.subscribe(room.destination());
			int received = 0;
			for (int i = 0; i < 5 && received < 3; i++) {
				browser.send(room.sendDestination(), Map.of("username", "ada", "text", "quiet " + i));
				if (inbox.poll(5, TimeUnit.SECONDS) != null) {
					received++;
				}
			}
			assertThat(received).as("messages bridged").isGreaterThanOrEqualTo(3);
		}

		assertThat(output.getAll().substring(startUp).lines().filter((line) -> line.contains(" WARN ")).toList())
			.isEmpty();
	}

}
