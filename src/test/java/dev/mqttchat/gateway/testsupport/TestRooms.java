package dev.mqttchat.gateway.testsupport;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Issues rooms over the real REST API, as a browser or script would. */
public final class TestRooms {

	private TestRooms() {
	}

	/** A new unnamed room on the gateway at {@code localhost:{port}}. */
	public static Map<String, Object> create(int port) {
		return create(port, null);
	}

	/** A new room with the given name, or unnamed. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> create(int port, @Nullable String name) {
		return RestClient.create("http://localhost:" + port)
			.post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.body((name != null) ? Map.of("name", name) : Map.of())
			.retrieve()
			.body(Map.class);
	}

}
