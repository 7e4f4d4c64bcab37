package dev.mqttchat.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flooding the room registry: one client address may create only so many rooms per
 * minute.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chat.rooms.create-per-minute=3")
class RoomFloodAttackTests {

	@LocalServerPort
	int port;

	@Test
	void roomCreationIsLimitedPerClientAddress() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest create = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/rooms"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> last = null;
		for (int i = 0; i < 4; i++) {
			last = http.send(create, HttpResponse.BodyHandlers.ofString());
			statuses.add(last.statusCode());
		}

		assertThat(statuses).containsExactly(201, 201, 201, 429);
		assertThat(last.headers().firstValue("Retry-After"))
			.hasValueSatisfying((s) -> assertThat(Long.parseLong(s)).isPositive());
		assertThat(last.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(last.body()).contains("Too many rooms");
	}

}
