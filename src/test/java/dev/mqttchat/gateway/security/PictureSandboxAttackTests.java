package dev.mqttchat.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mqttchat.gateway.testsupport.TestPictures;
import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A picture fetched through another spelling of its path (path parameters, percent
 * escapes, dot segments): it is served sandboxed, or not at all.
 */
@GatewayUnderAttack
class PictureSandboxAttackTests {

	private static final String SANDBOX = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
			+ "sandbox; frame-ancestors 'none'";

	@LocalServerPort
	int port;

	private TestRoom room;

	private String picture;

	@BeforeEach
	void uploadPicture() {
		this.room = TestRooms.create(this.port);
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(TestPictures.png(2, 2)))
			.filename("a.png")
			.contentType(MediaType.IMAGE_PNG);
		Map<String, Object> created = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/api/rooms/{id}/attachments", this.room.id())
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build())
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		this.picture = (String) created.get("id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/rooms/{room}/attachments/{pic}", "/api/rooms/{room}/attachments;x=1/{pic}",
			"/api/rooms/{room}/%61ttachments/{pic}", "/api/rooms/{room}/attach%6Dents/{pic}",
			"/api/rooms/{room}/attach%6dents/{pic}", "/api;/rooms/{room}/attachments/{pic}",
			"/api;x=1/rooms;y=2/{room}/attachments/{pic}", "/%61pi/rooms/{room}/attachments/{pic}",
			"/%41PI/rooms/{room}/attachments/{pic}", "/api/x/../rooms/{room}/attachments/{pic}",
			"/api/rooms/{room}/attachments%2F{pic}", "/api%2Frooms/{room}/attachments/{pic}",
			"/api/rooms/{room}/attachments/{pic};x=1", "//api/rooms/{room}/attachments/{pic}",
			"/api/rooms/{room}/attachments/./{pic}" })
	void pictureIsServedSandboxedOrNotAtAll(String template) throws Exception {
		String path = template.replace("{room}", this.room.id()).replace("{pic}", this.picture);
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.discarding());

		if (response.statusCode() != 404 && response.statusCode() != 400) {
			assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
			assertThat(response.headers().allValues("Content-Security-Policy")).as("CSP of %s", path)
				.containsExactly(SANDBOX);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		}
	}

}
