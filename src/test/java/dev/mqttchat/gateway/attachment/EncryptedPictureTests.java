package dev.mqttchat.gateway.attachment;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.RoomCipher;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestPictures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pictures of end-to-end encrypted rooms: uploaded encrypted, kept and served as opaque
 * bytes, carried by a sealed message that alone says what they are.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EncryptedPictureTests {

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	JdbcClient jdbc;

	private final SecureRandom random = new SecureRandom();

	@BeforeEach
	void bridgeIsReady() {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
	}

	@Test
	void anEncryptedRoomKeepsAndServesPicturesAsOpaqueBytes() throws Exception {
		Map<String, Object> room = createRoom(true);
		String roomId = (String) room.get("id");
		RoomCipher cipher = new RoomCipher(bytes(32));
		byte[] png = TestPictures.png(7, 5);
		byte[] sealed = cipher.sealPicture(roomId, png, bytes(12));

		ResponseEntity<Map<String, Object>> created = upload(roomId, sealed).retrieve()
			.toEntity(new ParameterizedTypeReference<>() {
			});
		assertThat(created.getBody()).containsEntry("contentType", "application/octet-stream")
			.containsEntry("size", sealed.length)
			.containsEntry("width", 0)
			.containsEntry("height", 0);
		ResponseEntity<byte[]> served = http().get()
			.uri((String) created.getBody().get("url"))
			.retrieve()
			.toEntity(byte[].class);
		assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		assertThat(served.getHeaders().getFirst("Content-Disposition")).startsWith("attachment");
		assertThat(cipher.openPicture(roomId, served.getBody())).as("what a key holder opens").isEqualTo(png);

		assertThat(status(upload(roomId, new byte[28]))).as("too short to be encrypted").isEqualTo(400);
		assertThat(upload((String) createRoom(false).get("id"), sealed).retrieve().body(Map.class))
			.as("opaque bytes in a room that is not encrypted: a file, only ever downloaded")
			.containsEntry("kind", "file")
			.containsEntry("name", "picture.bin");
	}

	@Test
	void aSealedMessageCarriesItsPicturesAndNobodyElseSeesThem() throws Exception {
		Map<String, Object> room = createRoom(true);
		String roomId = (String) room.get("id");
		RoomCipher cipher = new RoomCipher(bytes(32));
		AuthorKey key = AuthorKey.generate();
		byte[] png = TestPictures.png(9, 9);
		byte[] pictureIv = bytes(12);
		String picture = (String) upload(roomId, cipher.sealPicture(roomId, png, pictureIv)).retrieve()
			.body(Map.class)
			.get("id");
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe((String) room.get("destination"));
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe((String) room.get("topic"));
			byte[] iv = bytes(12);
			String plaintext = "{\"text\":\"\",\"pictures\":[{\"id\":\"" + picture
					+ "\",\"type\":\"image/png\",\"width\":9,\"height\":9,\"iv\":\"" + RoomCipher.base64url(pictureIv)
					+ "\"}]}";
			Map<String, Object> send = new HashMap<>(Map.of("username", "ada", "clientMsgId", "p-1", "v", 1, "kid",
					cipher.kid(), "iv", RoomCipher.base64url(iv), "ciphertext",
					cipher.seal(roomId, key.author(), "p-1", plaintext, iv), "attachments", List.of(picture)));
			ada.send((String) room.get("sendDestination"), key.sign(roomId, send));

			Map<String, Object> message = live.poll(15, TimeUnit.SECONDS);
			assertThat((List<Map<String, Object>>) message.get("attachments")).singleElement()
				.satisfies((attachment) -> assertThat(attachment).containsEntry("id", picture)
					.containsEntry("contentType", "application/octet-stream"));
			assertThat(cipher.open(roomId, key.author(), "p-1", (String) message.get("iv"),
					(String) message.get("ciphertext")))
				.isEqualTo(plaintext);
			assertThat(onTopic.poll(15, TimeUnit.SECONDS).text()).contains(picture).doesNotContain("image/png");
		}
		byte[] stored = this.jdbc.sql("SELECT content FROM attachment WHERE room_id = :room")
			.param("room", roomId)
			.query(byte[].class)
			.single();
		assertThat(HexFormat.of().formatHex(stored)).as("the database holds no picture bytes")
			.doesNotContain(HexFormat.of().formatHex(Arrays.copyOfRange(png, 0, 8)))
			.doesNotContain(HexFormat.of().formatHex(Arrays.copyOfRange(png, png.length - 12, png.length)));
	}

	@Test
	void anEncryptedFileIsOpaqueAndItsNameOnlyInTheSealedText() throws Exception {
		Map<String, Object> room = createRoom(true);
		String roomId = (String) room.get("id");
		RoomCipher cipher = new RoomCipher(bytes(32));
		AuthorKey key = AuthorKey.generate();
		byte[] report = "quarterly numbers".getBytes(StandardCharsets.UTF_8);
		byte[] fileIv = bytes(12);
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(cipher.sealPicture(roomId, report, fileIv)))
			.filename("secret-plans.pdf")
			.contentType(MediaType.APPLICATION_PDF);
		Map<String, Object> created = http().post()
			.uri("/api/rooms/{id}/attachments", roomId)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build())
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(created).as("whatever name it is sent with, the gateway keeps none")
			.containsEntry("contentType", "application/octet-stream")
			.doesNotContainKeys("name", "kind");
		String file = (String) created.get("id");
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe((String) room.get("destination"));
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe((String) room.get("topic"));
			byte[] iv = bytes(12);
			String plaintext = "{\"text\":\"\",\"files\":[{\"id\":\"" + file
					+ "\",\"name\":\"secret-plans.pdf\",\"type\":\"application/pdf\",\"size\":17,\"iv\":\""
					+ RoomCipher.base64url(fileIv) + "\"}]}";
			Map<String, Object> send = new HashMap<>(Map.of("username", "ada", "clientMsgId", "f-1", "v", 1, "kid",
					cipher.kid(), "iv", RoomCipher.base64url(iv), "ciphertext",
					cipher.seal(roomId, key.author(), "f-1", plaintext, iv), "attachments", List.of(file)));
			ada.send((String) room.get("sendDestination"), key.sign(roomId, send));

			Map<String, Object> message = live.poll(15, TimeUnit.SECONDS);
			assertThat((List<Map<String, Object>>) message.get("attachments")).singleElement()
				.satisfies((attachment) -> assertThat(attachment).containsEntry("id", file).doesNotContainKey("name"));
			assertThat(onTopic.poll(15, TimeUnit.SECONDS).text()).contains(file).doesNotContain("secret-plans");
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attachment WHERE room_id = :room AND name IS NOT NULL")
			.param("room", roomId)
			.query(Integer.class)
			.single()).as("no name in the database").isZero();
		ResponseEntity<byte[]> served = http().get().uri((String) created.get("url")).retrieve().toEntity(byte[].class);
		assertThat(served.getHeaders().getFirst("Content-Disposition")).startsWith("attachment")
			.doesNotContain("secret");
		assertThat(cipher.openPicture(roomId, served.getBody())).isEqualTo(report);
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private RestClient.RequestHeadersSpec<?> upload(String roomId, byte[] bytes) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(bytes))
			.filename("picture.bin")
			.contentType(MediaType.APPLICATION_OCTET_STREAM);
		return http().post()
			.uri("/api/rooms/{id}/attachments", roomId)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build());
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

	private Map<String, Object> createRoom(boolean encrypted) {
		return http().post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("encrypted", encrypted))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
