package dev.mqttchat.gateway.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mqttchat.gateway.testsupport.TestRooms;
import dev.mqttchat.gateway.testsupport.TestRooms.TestRoom;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files with hostile names (paths, quotes, line breaks, direction overrides, endless or
 * empty names) are kept under a safe name and served only as downloads; a type the
 * settings leave out is refused.
 */
@GatewayUnderAttack
class FileDownloadAttackTests {

	private static final String HEADERS_END = "\r\n";

	@LocalServerPort
	int port;

	private TestRoom room;

	@BeforeEach
	void createRoom() {
		this.room = TestRooms.create(this.port);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			value = { "../../etc/passwd|passwd|passwd", "..\\..\\windows\\win.ini|win.ini|win.ini",
					"`a \"quoted\" name.pdf`|a _quoted_ name.pdf|a%20_quoted_%20name.pdf",
					"`line\r\nSet-Cookie: x=1.pdf`|lineSet-Cookie_ x=1.pdf|lineSet-Cookie_%20x%3D1.pdf",
					"evil\u202Efdp.exe|evilfdp.exe|evilfdp.exe", "`  .hidden.pdf. `|hidden.pdf|hidden.pdf", "`;`|;|%3B",
					"`%41.pdf`|%41.pdf|%2541.pdf", "CON.pdf|_CON.pdf|_CON.pdf" })
	void aHostileNameIsMadeSafeAndOnlyEverDownloaded(String sent, String kept, String encoded) {
		Map<String, Object> body = upload(sent, MediaType.TEXT_PLAIN).getBody();
		assertThat(body).containsEntry("name", kept).containsEntry("kind", "file");
		ResponseEntity<byte[]> served = http().get().uri((String) body.get("url")).retrieve().toEntity(byte[].class);
		String ascii = kept.replaceAll("[^\\x20-\\x7e]|[\"\\\\%]", "_");
		assertThat(served.getHeaders().getFirst("Content-Disposition"))
			.isEqualTo("attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
			.doesNotContain(HEADERS_END);
		assertThat(served.getHeaders().getFirst("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(served.getHeaders().get("Content-Security-Policy"))
			.containsExactly("sandbox; default-src 'none'; frame-ancestors 'none'");
		assertThat(served.getHeaders().get("Set-Cookie")).isNull();
	}

	@Test
	void anEmptyOrEndlessNameIsReplacedOrShortened() {
		assertThat(upload("\u202E\u0007..", MediaType.TEXT_PLAIN).getBody()).containsEntry("name", "file");
		// Tomcat refuses a part header over 512 bytes (413) before the gateway sees it.
		String endless = "x".repeat(300) + ".pdf";
		String name = (String) upload(endless, MediaType.APPLICATION_PDF).getBody().get("name");
		assertThat(name).hasSize(120).startsWith("xxx").endsWith("x.pdf");
	}

	@Test
	void aTypeTheSettingsLeaveOutIsRefused() {
		ResponseEntity<Map<String, Object>> refused = uploadRequest("tool.exe", MediaType.APPLICATION_OCTET_STREAM)
			.exchange((req, response) -> ResponseEntity.status(response.getStatusCode())
				.headers(response.getHeaders())
				.body(response.bodyTo(new ParameterizedTypeReference<Map<String, Object>>() {
				})));
		assertThat(refused.getStatusCode().value()).isEqualTo(415);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getBody()).containsEntry("title", "Not a file this room takes")
			.hasEntrySatisfying("detail", (detail) -> assertThat((String) detail).contains("pdf, text/plain"));
		assertThat(upload("notes.pdf", MediaType.APPLICATION_OCTET_STREAM).getBody()).as("listed by its extension")
			.containsEntry("kind", "file");
	}

	private ResponseEntity<Map<String, Object>> upload(String name, MediaType type) {
		return uploadRequest(name, type).retrieve().toEntity(new ParameterizedTypeReference<>() {
		});
	}

	private RestClient.RequestHeadersSpec<?> uploadRequest(String name, MediaType type) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		// Sent as RFC 8187 filename*, which carries any character, line breaks included.
		parts.part("file", new ByteArrayResource("hello".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Disposition",
					"form-data; name=\"file\"; filename=\"x\"; filename*=UTF-8''"
							+ URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
			.contentType(type);
		return http().post()
			.uri("/api/rooms/{id}/attachments", this.room.id())
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build());
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
