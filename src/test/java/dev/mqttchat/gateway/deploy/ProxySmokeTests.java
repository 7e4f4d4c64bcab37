package dev.mqttchat.gateway.deploy;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deployment users run, end to end through nginx and the project's template: the
 * page, a room whose {@code Location} names the proxy, STOMP over the proxied WebSocket
 * with a message from a plain MQTT client, a foreign origin refused, both gateways ready,
 * and the chat going on with its history whole after one gateway is gone. In the suite:
 * two gateways in this JVM behind Debian's nginx; in CI's container stage: the compose
 * stack that {@code CHAT_SMOKE_PROXY_URL} names.
 */
class ProxySmokeTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void chatWorksThroughTheProxyAndGoesOnWhenAGatewayIsGone() throws Exception {
		ContainerStack containers = ContainerStack.fromEnvironment();
		String broker = System.getenv("CHAT_TEST_MQTT_URL");
		if (containers == null) {
			assumeTrue(NginxProcess.isInstalled(), "nginx not found at /usr/sbin/nginx: proxy smoke test skipped");
			assumeTrue(broker != null && !broker.isBlank(), "CHAT_TEST_MQTT_URL is not set: two gateways behind the "
					+ "proxy need a broker with shared subscriptions; proxy smoke test skipped");
		}
		try (SmokeStack stack = (containers != null) ? containers : InProcessStack.start(broker)) {
			for (String readiness : stack.readinessUrls()) {
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(get(readiness).statusCode()).as(readiness).isEqualTo(200));
			}
			assertThat(get(stack.proxyUrl() + "/").body()).contains("<title>");
			HttpResponse<String> created = this.http
				.send(HttpRequest.newBuilder(URI.create(stack.proxyUrl() + "/api/rooms"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
			Map<String, Object> room = this.json.readValue(created.body(), Map.class);
			assertThat(created.headers().firstValue("Location")).as("Location names the proxy")
				.hasValue(stack.proxyUrl() + "/api/rooms/" + room.get("id"));
			assertThat(upgradeStatus(stack.proxyUrl(), "http://evil.example")).as("foreign origin").isEqualTo(403);

			List<String> said = new ArrayList<>();
			chat(stack, room, said, "before");
			stack.stopOne();
			// Whichever gateway is left serves the page, new WebSockets and MQTT: nginx
			// tries the other upstream. If the one stopped was storing, the other stores
			// once its lease lapses (chat.storage.lease-time); meanwhile the broker keeps
			// the messages.
			await().atMost(WAIT.multipliedBy(2)).untilAsserted(() -> chat(stack, room, said, "after"));

			List<Map<String, Object>> history = this.json.readValue(
					get(stack.proxyUrl() + "/api/rooms/" + room.get("id") + "/messages?limit=200").body(), List.class);
			assertThat(history).extracting((message) -> message.get("text"))
				.as("history whole")
				.containsExactlyInAnyOrderElementsOf(said);
			assertThat(history).extracting((message) -> ((Number) message.get("seq")).intValue())
				.as("numbered without gaps")
				.containsExactlyElementsOf(IntStream.rangeClosed(1, said.size()).boxed().toList());
		}
	}

	/**
	 * One browser says something and an MQTT client answers; both reach the browser
	 * through the proxy.
	 */
	private void chat(SmokeStack stack, Map<String, Object> room, List<String> said, String phase) throws Exception {
		String ws = stack.proxyUrl().replaceFirst("^http", "ws") + "/ws";
		try (StompTestClient browser = StompTestClient.connect(URI.create(ws));
				MqttTestClient mqtt = MqttTestClient.connect(stack.mqttUrl())) {
			BlockingQueue<Map<String, Object>> inbox = browser.subscribe((String) room.get("destination"));
			String fromWeb = "from the page " + phase + " " + System.nanoTime();
			String fromMqtt = "from mosquitto " + phase + " " + System.nanoTime();
			// Subscriptions are taken asynchronously: a first message proves this one is
			// live.
			browser.send((String) room.get("sendDestination"), Map.of("username", "ada", "text", fromWeb));
			said.add(fromWeb);
			assertThat(inbox.poll(10, TimeUnit.SECONDS)).as("own message " + phase).containsEntry("text", fromWeb);
			publish(mqtt, stack.mqttUrl(), (String) room.get("topic"), "grace (term-1): " + fromMqtt);
			said.add(fromMqtt);
			assertThat(inbox.poll(10, TimeUnit.SECONDS)).as("MQTT message " + phase).containsEntry("text", fromMqtt);
		}
	}

	/**
	 * With {@code mosquitto_pub} where it is installed, as a terminal user would; else
	 * with Paho.
	 */
	private static void publish(MqttTestClient paho, String mqttUrl, String topic, String text) throws Exception {
		if (!new File("/usr/bin/mosquitto_pub").canExecute()) {
			paho.publish(topic, text);
			return;
		}
		String url = mqttUrl.replaceFirst("^tcp://", "mqtt://") + "/" + topic;
		Process pub = new ProcessBuilder("/usr/bin/mosquitto_pub", "-L", url, "-q", "1", "-m", text).inheritIO()
			.start();
		assertThat(pub.waitFor(20, TimeUnit.SECONDS)).as("mosquitto_pub finished").isTrue();
		assertThat(pub.exitValue()).as("mosquitto_pub exit status").isZero();
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int upgradeStatus(String proxyUrl, String origin) throws IOException {
		URI proxy = URI.create(proxyUrl);
		try (Socket socket = new Socket(proxy.getHost(), proxy.getPort())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /ws HTTP/1.1\r\nHost: " + proxy.getAuthority() + "\r\nOrigin: " + origin
						+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
						+ "Sec-WebSocket-Version: 13\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String status = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(status.split(" ")[1]);
		}
	}

}
