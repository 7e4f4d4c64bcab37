package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.FreePorts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With no broker at the configured address, the page and API still serve and the log
 * stays readable.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chat.mqtt.max-reconnect-delay=2s")
class UnreachableBrokerTests {

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	private static String brokerUrl;

	@DynamicPropertySource
	static void brokerNobodyListensOn(DynamicPropertyRegistry registry) throws IOException {
		brokerUrl = "tcp://127.0.0.1:" + FreePorts.next();
		registry.add("chat.mqtt.url", () -> brokerUrl);
	}

	@Test
	void pageAndApiServeWithoutBroker() {
		RestClient http = RestClient.create("http://localhost:" + this.port);

		assertThat(http.get().uri("/").retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http.post().uri("/api/rooms").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aGatewayWithoutItsBrokerIsAliveButNotReady() {
		RestClient http = RestClient.create("http://localhost:" + this.port);

		assertThat(http.get().uri("/actuator/health/liveness").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
		HttpStatusCode readiness = http.get()
			.uri("/actuator/health/readiness")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(readiness.value()).isEqualTo(503);
	}

	@Test
	void retriesAreLoggedOnceWithoutStackTraces(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.inbound().failedAttempts() >= 3);

		assertThat(this.links.bridgeReady()).isFalse();
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains(brokerUrl + " unreachable for the inbound link"))).singleElement()
			.asString()
			.contains("retrying with backoff up to 2s");
		assertThat(output.getAll()).doesNotContain("\tat org.eclipse.paho").doesNotContain("\tat org.springframework");
	}

	@Test
	void sendWhileBrokerIsDownIsKeptAndTheSenderToldSo() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient browser = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> receipts = browser.subscribe("/user/queue/receipts");
			BlockingQueue<Map<String, Object>> errors = browser.subscribe("/user/queue/errors");

			browser.send(room.sendDestination(), Map.of("username", "ada", "text", "anyone?", "clientMsgId", "m-1"));

			assertThat(receipts.poll(20, TimeUnit.SECONDS)).containsEntry("status", "queued")
				.containsEntry("clientMsgId", "m-1")
				.containsEntry("roomId", room.id());
			assertThat(errors).isEmpty();
		}
	}

}
