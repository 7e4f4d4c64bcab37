package dev.mqttchat.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spoofed {@code X-Forwarded-*} headers from a client that is no trusted proxy change
 * nothing: not the {@code Location} a room is issued at, not the address the room limit
 * counts. Here loopback is not trusted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"server.tomcat.remoteip.internal-proxies=10\\.255\\.255\\.254", "chat.rooms.create-per-minute=1" })
class ForwardedHeadersAttackTests {

	static final Map<String, String> SPOOFED = Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https",
			"X-Forwarded-Port", "443");

	@LocalServerPort
	int port;

	@Test
	void spoofedForwardedHeadersChangeNeitherLocationNorTheLimitedAddress() throws Exception {
		HttpResponse<String> first = create(this.port, "203.0.113.1", SPOOFED);
		HttpResponse<String> second = create(this.port, "203.0.113.2", SPOOFED);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).startsWith("http://localhost:" + this.port + "/api/rooms/"));
		assertThat(second.statusCode()).as("another spoofed client address is still the same client").isEqualTo(429);
	}

	static HttpResponse<String> create(int port, String forwardedFor, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rooms"))
			.header("X-Forwarded-For", forwardedFor)
			.POST(HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
