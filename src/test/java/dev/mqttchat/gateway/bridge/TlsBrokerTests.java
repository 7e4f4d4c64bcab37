package dev.mqttchat.gateway.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestGateway;
import dev.mqttchat.gateway.testsupport.FreePorts;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A broker reached over TLS with a private CA through an SSL bundle, with credentials:
 * the right certificate works, a certificate for another host name is refused, and the
 * password never reaches the log.
 */
@Tag("jdk-smoke")
@ExtendWith(OutputCaptureExtension.class)
class TlsBrokerTests {

	private static final String PASSWORD = "tls-test-Pa55word";

	@TempDir
	Path dir;

	@Test
	void bridgesOverTlsWithTheTestCaAndCredentials(CapturedOutput output) throws Exception {
		int tlsPort = FreePorts.next();
		try (EmbeddedMqttBroker broker = tlsBroker("tls/broker-localhost.p12", tlsPort);
				ConfigurableApplicationContext gateway = gateway(tlsPort)) {
			MqttLinkMonitor links = gateway.getBean(MqttLinkMonitor.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> links.bridgeReady());
			TestRoom room = TestRooms.create(TestGateway.port(gateway));
			int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
			try (StompTestClient browser = StompTestClient.connect(port);
					MqttTestClient mqtt = MqttTestClient.connect(broker.url(), "gateway", PASSWORD)) {
				BlockingQueue<Map<String, Object>> inbox = browser.subscribe(room.destination());
				BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());

				// The browser's own message first: once it is back, its subscription is
				// live for the MQTT one.
				browser.send(room.sendDestination(), Map.of("username", "ada", "text", "out over TLS"));
				assertThat(inbox.poll(15, TimeUnit.SECONDS)).containsEntry("text", "out over TLS");
				assertThat(onTopic.poll(15, TimeUnit.SECONDS).text()).contains("out over TLS");

				mqtt.publish(room.topic(), "in over TLS");

				assertThat(inbox.poll(15, TimeUnit.SECONDS)).containsEntry("text", "in over TLS");
			}
		}
		assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("changeit");
	}

	@Test
	void certificateForAnotherHostIsRefused(CapturedOutput output) throws Exception {
		int tlsPort = FreePorts.next();
		try (EmbeddedMqttBroker broker = tlsBroker("tls/broker-wrong.p12", tlsPort);
				ConfigurableApplicationContext gateway = gateway(tlsPort)) {
			MqttLinkMonitor links = gateway.getBean(MqttLinkMonitor.class);

			await().atMost(Duration.ofSeconds(20)).until(() -> links.inbound().failedAttempts() >= 2);

			assertThat(links.inbound().isUp()).isFalse();
			assertThat(output.getAll()).contains("ssl://localhost:" + tlsPort + " unreachable for the inbound link")
				.doesNotContain(PASSWORD);
		}
	}

	private EmbeddedMqttBroker tlsBroker(String keystore, int tlsPort) throws Exception {
		Path passwords = this.dir.resolve("passwords");
		String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PASSWORD.getBytes()));
		Files.writeString(passwords, "gateway:" + hash + "\n");
		return EmbeddedMqttBroker.start("127.0.0.1", 0,
				Map.of("ssl_port", Integer.toString(tlsPort), "jks_path", keystore, "key_store_type", "pkcs12",
						"key_store_password", "changeit", "key_manager_password", "changeit", "allow_anonymous",
						"false", "password_file", passwords.toString()),
				List.of());
	}

	private static ConfigurableApplicationContext gateway(int tlsPort) {
		return TestGateway.start("chat.mqtt.url=ssl://localhost:" + tlsPort, "chat.mqtt.ssl.bundle=test-ca",
				"spring.ssl.bundle.pem.test-ca.truststore.certificate=classpath:tls/ca.pem",
				"chat.mqtt.username=gateway", "chat.mqtt.password=" + PASSWORD, "chat.mqtt.max-reconnect-delay=2s");
	}

}
