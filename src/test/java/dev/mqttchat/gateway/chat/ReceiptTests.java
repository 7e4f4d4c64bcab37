package dev.mqttchat.gateway.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.MqttLinkMonitor;

import dev.mqttchat.gateway.testsupport.HistoryAudit;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A SEND with a {@code clientMsgId} is answered on {@code /user/queue/receipts} once
 * stored, and the same SEND repeated is stored once and answered with the same receipt.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReceiptTests {

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@BeforeEach
	void bridgeIsReady() {
		// Before it is, a SEND is kept in the outbox and first answered "queued".
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
	}

	@Test
	void aStoredMessageIsConfirmedWithItsIdAndNumber() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient browser = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> receipts = browser.subscribe("/user/queue/receipts");
			BlockingQueue<Map<String, Object>> live = browser.subscribe(room.destination());
			browser.send(room.sendDestination(), Map.of("username", "ada", "text", "hello", "clientMsgId", "c-1"));
			Map<String, Object> receipt = receipts.poll(10, TimeUnit.SECONDS);
			Map<String, Object> message = live.poll(10, TimeUnit.SECONDS);
			assertThat(receipt).containsEntry("status", "stored")
				.containsEntry("clientMsgId", "c-1")
				.containsEntry("roomId", room.id())
				.containsEntry("id", message.get("id"))
				.containsEntry("seq", message.get("seq"));
		}
	}

	@Test
	void theSameSendRetriedThreeTimesIsStoredOnce() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient browser = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> receipts = browser.subscribe("/user/queue/receipts");
			for (int attempt = 0; attempt < 3; attempt++) {
				browser.send(room.sendDestination(), Map.of("username", "ada", "text", "once", "clientMsgId", "r-1"));
			}
			List<Map<String, Object>> answered = new ArrayList<>();
			await().atMost(Duration.ofSeconds(15)).until(() -> {
				receipts.drainTo(answered);
				return answered.stream().filter((receipt) -> "stored".equals(receipt.get("status"))).count() >= 3;
			});
			answered.removeIf((receipt) -> !"stored".equals(receipt.get("status")));
			HistoryAudit audit = HistoryAudit.of(this.port, room.id(), Map.of("ada", List.of("once")));
			assertThat(audit.isClean()).as("one SEND retried three times: %s", audit).isTrue();
			assertThat(answered).extracting((receipt) -> receipt.get("id")).containsOnly(answered.get(0).get("id"));
			assertThat(answered).extracting((receipt) -> receipt.get("seq")).containsOnly(answered.get(0).get("seq"));
		}
	}

	@Test
	void aRefusalNamesTheClientMsgIdOfItsSend() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		try (StompTestClient browser = StompTestClient.connect(this.port)) {
			BlockingQueue<Map<String, Object>> errors = browser.subscribe("/user/queue/errors");
			browser.send(room.sendDestination(), Map.of("username", "ada", "text", " ", "clientMsgId", "e-1"));
			assertThat(errors.poll(10, TimeUnit.SECONDS)).containsEntry("code", "empty-text")
				.containsEntry("clientMsgId", "e-1");
		}
	}

}
