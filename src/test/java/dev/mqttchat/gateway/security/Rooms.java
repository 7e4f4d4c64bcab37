package dev.mqttchat.gateway.security;

import java.util.Map;

import org.springframework.web.client.RestClient;

/** Issues rooms over the real REST API. */
final class Rooms {

	private Rooms() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> create(int port) {
		return RestClient.create("http://localhost:" + port).post().uri("/api/rooms").retrieve().body(Map.class);
	}

}
