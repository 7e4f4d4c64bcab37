package dev.mqttchat.gateway.attachment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.bridge.BrokerEndpoint;
import dev.mqttchat.gateway.bridge.MqttLinkMonitor;
import dev.mqttchat.gateway.testsupport.AuthorKey;
import dev.mqttchat.gateway.testsupport.MqttTestClient;
import dev.mqttchat.gateway.testsupport.StompTestClient;
import dev.mqttchat.gateway.testsupport.TestPictures;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pictures: uploaded with their type told from the bytes, served as nothing but a
 * picture, carried by a message live, on MQTT and in history, and gone with the message;
 * any other file kept with its name and served only as a download.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AttachmentTests {

	@LocalServerPort
	int port;

	@Autowired
	MqttLinkMonitor links;

	@Autowired
	BrokerEndpoint broker;

	@Autowired
	AttachmentRepository repository;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void bridgeIsReady() {
		await().atMost(Duration.ofSeconds(20)).until(() -> this.links.bridgeReady());
	}

	@Test
	void aPictureIsStoredAndServedBackAsAPictureOnly() {
		TestRoom room = TestRooms.create(this.port);
		byte[] png = TestPictures.png(6, 4);
		ResponseEntity<Map<String, Object>> created = upload(room.id(), png, "cat.gif", MediaType.IMAGE_GIF);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		Map<String, Object> body = created.getBody();
		assertThat(body).containsEntry("contentType", "image/png")
			.containsEntry("size", png.length)
			.containsEntry("width", 6)
			.containsEntry("height", 4);
		assertThat(created.getHeaders().getLocation()).hasToString((String) body.get("url"));

		ResponseEntity<byte[]> served = http().get().uri((String) body.get("url")).retrieve().toEntity(byte[].class);
		assertThat(served.getBody()).isEqualTo(png);
		assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(served.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox")
			.contains("default-src 'none'");
		assertThat(served.getHeaders().getFirst("Content-Disposition")).startsWith("inline")
			.contains("picture-" + body.get("id") + ".png");
		TestRoom other = TestRooms.create(this.port);
		assertThat(status(http().get().uri("/api/rooms/" + other.id() + "/attachments/" + body.get("id"))))
			.as("the picture under another room's id")
			.isEqualTo(404);
	}

	@Test
	void whatIsNoPictureIsRefusedWhateverItClaims() {
		TestRoom room = TestRooms.create(this.port);
		byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
		assertThat(status(uploadRequest(room.id(), html, "cat.png", MediaType.IMAGE_PNG))).isEqualTo(415);
		byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(TestPictures.png(2, 2), 0, tooLarge, 0, 50);
		assertThat(status(uploadRequest(room.id(), tooLarge, "big.png", MediaType.IMAGE_PNG))).isEqualTo(413);
		assertThat(
				status(uploadRequest("NoSuchRoom0000000000000", TestPictures.png(2, 2), "a.png", MediaType.IMAGE_PNG)))
			.isEqualTo(404);
	}

	@Test
	void aFileIsKeptWithItsNameAndServedOnlyAsADownload() {
		TestRoom room = TestRooms.create(this.port);
		byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
		ResponseEntity<Map<String, Object>> created = upload(room.id(), html, "Bericht über \"Q3\".html",
				MediaType.TEXT_HTML);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		Map<String, Object> body = created.getBody();
		assertThat(body).containsEntry("kind", "file")
			.containsEntry("name", "Bericht über _Q3_.html")
			.containsEntry("contentType", "text/html")
			.containsEntry("size", html.length)
			.containsEntry("width", 0);

		ResponseEntity<byte[]> served = http().get().uri((String) body.get("url")).retrieve().toEntity(byte[].class);
		assertThat(served.getBody()).isEqualTo(html);
		assertThat(served.getHeaders().getFirst("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(served.getHeaders().getFirst("Content-Disposition")).isEqualTo(
				"attachment; filename=\"Bericht _ber _Q3_.html\"; filename*=UTF-8''Bericht%20%C3%BCber%20_Q3_.html");
		assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(served.getHeaders().get("Content-Security-Policy"))
			.containsExactly("sandbox; default-src 'none'; frame-ancestors 'none'");
	}

	@Test
	void aPictureStaysAPictureWhateverNameItIsSentWith() {
		TestRoom room = TestRooms.create(this.port);
		Map<String, Object> body = upload(room.id(), TestPictures.png(2, 3), "holiday.pdf", MediaType.APPLICATION_PDF)
			.getBody();
		assertThat(body).containsEntry("kind", "picture")
			.containsEntry("contentType", "image/png")
			.containsEntry("height", 3)
			.doesNotContainKey("name");
		ResponseEntity<byte[]> served = http().get().uri((String) body.get("url")).retrieve().toEntity(byte[].class);
		assertThat(served.getHeaders().getFirst("Content-Disposition")).startsWith("inline");
		byte[] notQuitePng = "not a picture at all".getBytes(StandardCharsets.UTF_8);
		assertThat(status(uploadRequest(room.id(), notQuitePng, "photo.PNG", MediaType.TEXT_PLAIN)))
			.as("a file named as a picture is judged as one")
			.isEqualTo(415);
	}

	@Test
	void aMessageCarriesAFileWithItsNameInHistory() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		AuthorKey key = AuthorKey.generate();
		String file = (String) upload(room.id(), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "../../sums.csv",
				MediaType.parseMediaType("text/csv"))
			.getBody()
			.get("id");
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada")) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			Map<String, Object> send = new HashMap<>(
					Map.of("username", "ada", "clientMsgId", "f-1", "text", "", "attachments", List.of(file)));
			ada.send(room.sendDestination(), key.sign(room.id(), send));
			assertThat((List<Map<String, Object>>) live.poll(15, TimeUnit.SECONDS).get("attachments")).singleElement()
				.satisfies((attachment) -> assertThat(attachment).containsEntry("name", "sums.csv")
					.containsEntry("kind", "file"));
		}
		assertThat((List<Map<String, Object>>) history(room.id()).get(0).get("attachments")).singleElement()
			.satisfies((attachment) -> assertThat(attachment).containsEntry("id", file)
				.containsEntry("name", "sums.csv")
				.containsEntry("contentType", "text/csv"));
	}

	@Test
	void aMessageCarriesItsPicturesLiveOnMqttAndInHistoryAndTheyGoWithIt() throws Exception {
		TestRoom room = TestRooms.create(this.port);
		AuthorKey key = AuthorKey.generate();
		String picture = (String) upload(room.id(), TestPictures.png(3, 3), "a.png", MediaType.IMAGE_PNG).getBody()
			.get("id");
		String unsent = (String) upload(room.id(), TestPictures.png(2, 2), "b.png", MediaType.IMAGE_PNG).getBody()
			.get("id");
		try (StompTestClient ada = StompTestClient.connect(this.port, "ada");
				MqttTestClient mqtt = MqttTestClient.connect(this.broker.url())) {
			BlockingQueue<Map<String, Object>> live = ada.subscribe(room.destination());
			BlockingQueue<Map<String, Object>> errors = ada.subscribe("/user/queue/errors");
			BlockingQueue<MqttTestClient.Received> onTopic = mqtt.subscribe(room.topic());
			Map<String, Object> send = new HashMap<>(
					Map.of("username", "ada", "clientMsgId", "p-1", "text", "", "attachments", List.of(picture)));
			ada.send(room.sendDestination(), key.sign(room.id(), send));

			Map<String, Object> message = live.poll(15, TimeUnit.SECONDS);
			assertThat(message).isNotNull();
			assertThat((List<Map<String, Object>>) message.get("attachments")).singleElement()
				.satisfies((attachment) -> assertThat(attachment).containsEntry("id", picture)
					.containsEntry("url", "/api/rooms/" + room.id() + "/attachments/" + picture)
					.containsEntry("width", 3));
			assertThat(onTopic.poll(15, TimeUnit.SECONDS).text()).contains("/api/rooms/" + room.id() + "/attachments/");
			ada.send(room.sendDestination(),
					Map.of("clientMsgId", "p-2", "text", "again", "attachments", List.of(picture)));
			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "attachment-used");
			ada.send(room.sendDestination(), Map.of("text", "x", "attachments", List.of("Nope")));
			assertThat(errors.poll(15, TimeUnit.SECONDS)).containsEntry("code", "unknown-attachment");

			Map<String, Object> delete = new HashMap<>(
					Map.of("username", "ada", "clientMsgId", "p-3", "type", "delete", "target", message.get("id")));
			ada.send(room.sendDestination(), key.sign(room.id(), delete));
			assertThat(live.poll(15, TimeUnit.SECONDS)).containsEntry("type", "delete");
			assertThat(status(http().get().uri("/api/rooms/" + room.id() + "/attachments/" + picture)))
				.as("the picture of the deleted message")
				.isEqualTo(404);
			assertThat(history(room.id()).get(0)).doesNotContainKey("attachments").containsEntry("deleted", true);
		}
		this.repository.removeUnclaimed(Instant.now().plusSeconds(1));
		assertThat(status(http().get().uri("/api/rooms/" + room.id() + "/attachments/" + unsent)))
			.as("a picture no message carried, after its time")
			.isEqualTo(404);
	}

	private ResponseEntity<Map<String, Object>> upload(String roomId, byte[] bytes, String name, MediaType type) {
		return uploadRequest(roomId, bytes, name, type).retrieve().toEntity(new ParameterizedTypeReference<>() {
		});
	}

	private RestClient.RequestHeadersSpec<?> uploadRequest(String roomId, byte[] bytes, String name, MediaType type) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(bytes)).filename(name).contentType(type);
		return http().post()
			.uri("/api/rooms/{id}/attachments", roomId)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build());
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

	private List<Map<String, Object>> history(String roomId) {
		return http().get().uri("/api/rooms/{id}/messages", roomId).retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
