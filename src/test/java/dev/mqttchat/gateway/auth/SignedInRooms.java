package dev.mqttchat.gateway.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.testsupport.SignedInSession;
import dev.mqttchat.gateway.testsupport.TestPictures;

import static org.assertj.core.api.Assertions.assertThat;

/** What the members and moderation tests do through signed-in sessions. */
final class SignedInRooms {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SignedInRooms() {
	}

	/** Creates a room through {@code owner}'s session with {@code body}; its id. */
	static String create(SignedInSession owner, String body) throws Exception {
		HttpResponse<String> created = owner.send("POST", "/api/rooms", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return String.valueOf(json(created.body()).get("id"));
	}

	/** Gives {@code username} {@code role} in {@code room}, through {@code by}. */
	static HttpResponse<String> put(SignedInSession by, String room, String username, String role) throws Exception {
		return by.send("PUT", "/api/rooms/" + room + "/members/" + username, "{\"role\":\"" + role + "\"}");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> json(String body) {
		return JSON.readValue(body, Map.class);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(String body) {
		return JSON.readValue(body, List.class);
	}

	/** Uploads a small PNG to {@code room} through {@code session}, as the page does. */
	static HttpResponse<String> upload(int port, SignedInSession session, String room) throws Exception {
		String boundary = "----members" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] png = TestPictures.png(2, 2);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[head.length + png.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(png, 0, body, head.length, png.length);
		System.arraycopy(tail, 0, body, head.length + png.length, tail.length);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rooms/" + room + "/attachments"))
			.header("Cookie", session.cookieHeader())
			.header("X-XSRF-TOKEN", String.valueOf(session.cookie("XSRF-TOKEN")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
