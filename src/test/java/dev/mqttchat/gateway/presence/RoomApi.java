package dev.mqttchat.gateway.presence;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** The presence and read REST endpoints of a gateway on {@code localhost:{port}}. */
final class RoomApi {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	int port;

	RoomApi() {
	}

	RoomApi(int port) {
		this.port = port;
	}

	List<Map<String, Object>> presence(String roomId) {
		return get("/api/rooms/" + roomId + "/presence");
	}

	List<Map<String, Object>> read(String roomId) {
		return get("/api/rooms/" + roomId + "/read");
	}

	int status(String path) {
		return client().get().uri(path).exchange((request, response) -> response.getStatusCode().value());
	}

	private List<Map<String, Object>> get(String path) {
		return client().get().uri(path).retrieve().body(LIST);
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
