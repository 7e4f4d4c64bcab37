package dev.mqttchat.gateway.security;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON bodies over {@code chat.web.max-request-body} (256 KB): a 15 MB room name used to
 * be read whole into the heap before it was refused, and a 30 MB unknown field was read
 * and thrown away. Now a larger body, declared or chunked, gets a 413 problem before it
 * is read, and a body under the limit still works. The bodies here stay under the 2 MB
 * that Tomcat reads and discards after an early answer, so the client always sees it.
 */
@GatewayUnderAttack
class OversizedBodyAttackTests {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void aBodyDeclaredLargerThanTheLimitIsRefusedUnread() throws Exception {
		String name = "{\"name\":\"" + "a".repeat(1_000_000) + "\"}";

		HttpResponse<String> response = createRoom(BodyPublishers.ofString(name));

		assertTooLarge(response);
	}

	@Test
	void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
		// No length given: the body comes chunked and is read only up to the limit.
		byte[] head = "{\"name\":\"ok\",\"junk\":\"".getBytes(StandardCharsets.US_ASCII);
		byte[] filler = "a".repeat(1_500_000).getBytes(StandardCharsets.US_ASCII);
		BodyPublisher chunked = BodyPublishers.ofInputStream(
				() -> new SequenceInputStream(new ByteArrayInputStream(head), new ByteArrayInputStream(filler)));

		assertTooLarge(createRoom(chunked));
	}

	@Test
	void bodiesUnderTheLimitAreTakenDeclaredOrChunked() throws Exception {
		String padded = "{\"name\":\"padded\",\"junk\":\"" + "a".repeat(200_000) + "\"}";

		HttpResponse<String> declared = createRoom(BodyPublishers.ofString(padded));
		HttpResponse<String> chunked = createRoom(BodyPublishers
			.ofInputStream(() -> new ByteArrayInputStream(padded.getBytes(StandardCharsets.US_ASCII))));

		assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
		assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(201);
		assertThat(json.readTree(chunked.body()).path("name").asString()).isEqualTo("padded");
	}

	private HttpResponse<String> createRoom(BodyPublisher body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/rooms"))
			.header("Content-Type", "application/json")
			.POST(body)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertTooLarge(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("title").asString()).isEqualTo("Request body too large");
		assertThat(problem.path("detail").asString()).contains("262144 bytes", "chat.web.max-request-body");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/rooms");
	}

}
