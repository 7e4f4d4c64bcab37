package dev.mqttchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Makes the rooms of a workload: issued by the gateway's REST API, or random ids for the peers. */
final class Rooms {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom random = new SecureRandom();

	private static final JsonMapper json = JsonMapper.builder().build();

	private Rooms() {
	}

	static List<Room> create(Target target, int count) throws IOException, InterruptedException {
		List<Room> rooms = new ArrayList<>(count);
		// HttpClient is AutoCloseable only from Java 21; the baseline is 17.
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (int i = 0; i < count; i++) {
			// Topics of rooms the gateway never issued are not bridged, so the gateway must issue every room.
			String id = (target.style() == Style.GATEWAY) ? issue(http, target.httpUrl(), i) : randomId();
			rooms.add(new Room(i, id, target.style().topic(id), target.style().subscription(id)));
		}
		return rooms;
	}

	private static String issue(HttpClient http, URI base, int index) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/rooms"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-" + index + "\"}"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		// The gateway limits rooms per address (CHAT_ROOMS_CREATEPERMINUTE; run.sh raises it): wait as told, a little.
		for (int retry = 0; response.statusCode() == 429 && retry < 3; retry++) {
			long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
			Thread.sleep(Math.min(65, wait) * 1000);
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		if (response.statusCode() != 201) {
			throw new IOException("POST /api/rooms answered " + response.statusCode() + ": " + response.body());
		}
		JsonNode body = json.readTree(response.body());
		return body.get("id").asString();
	}

	static String randomId() {
		StringBuilder id = new StringBuilder(22);
		for (int i = 0; i < 22; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
