package dev.mqttchat.gateway.security;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.RawWebSocket;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A page on another origin opening the WebSocket with the visitor's browser (cross-site
 * WebSocket hijacking).
 */
@GatewayUnderAttack
class OriginAttackTests {

	@LocalServerPort
	int port;

	@Test
	void foreignOriginGets403() {
		assertThatThrownBy(() -> RawWebSocket.open(this.port, Map.of("Origin", "https://evil.example")))
			.isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(403));
	}

	@Test
	void ownOriginIsAccepted() throws Exception {
		try (RawWebSocket socket = RawWebSocket.open(this.port, Map.of("Origin", "http://localhost:" + this.port))) {
			socket.send(RawWebSocket.connectFrame());

			assertThat(socket.next(Duration.ofSeconds(10))).startsWith("CONNECTED");
		}
	}

}
