package dev.mqttchat.gateway.security;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Origin headers that are no origin at all, on the WebSocket upgrade and on the REST API:
 * refused as any foreign origin is, without an error or a stack trace in the log.
 */
@GatewayUnderAttack
@ExtendWith(OutputCaptureExtension.class)
class MalformedOriginAttackTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "http://a:1x", "http://[::1", "null", "", "http://a b", "http://a:99999", "http:/a",
			"http://a/b", "http://a%", "\u00e9://x" })
	void malformedOriginOnTheUpgradeGets403AndAtMostOneLogLine(String origin, CapturedOutput output) throws Exception {
		int before = output.getAll().length();

		String status = statusLine("GET /ws HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nOrigin: " + origin
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
				+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v12.stomp\r\n\r\n");

		assertThat(status).as("answer to Origin '%s'", origin).startsWith("HTTP/1.1 403");
		String logged = output.getAll().substring(before);
		assertThat(logged.lines().filter((line) -> line.contains("Exception") || line.startsWith("\tat ")))
			.as("stack trace lines logged for Origin '%s'", origin)
			.isEmpty();
		assertThat(logged.lines().filter((line) -> line.contains("Origin") || line.contains("origin")).count())
			.as("lines logged for Origin '%s'", origin)
			.isLessThanOrEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET /api/rooms/AAAAAAAAAAAAAAAAAAAAAA", "POST /api/rooms", "OPTIONS /api/rooms" })
	void malformedOriginOnTheApiIsNoServerError(String request, CapturedOutput output) throws Exception {
		int before = output.getAll().length();

		String status = statusLine(request + " HTTP/1.1\r\nHost: localhost:" + this.port
				+ "\r\nOrigin: http://a:1x\r\nAccess-Control-Request-Method: POST\r\nContent-Type: application/json"
				+ "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

		assertThat(status).as("answer to %s", request).doesNotStartWith("HTTP/1.1 5");
		assertThat(output.getAll().substring(before).lines().filter((line) -> line.contains("Exception")))
			.as("exceptions logged for %s", request)
			.isEmpty();
	}

	private String statusLine(String request) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
		}
	}

}
