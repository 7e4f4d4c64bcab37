package dev.mqttchat.gateway.security;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.RawWebSocket;
import dev.mqttchat.gateway.testsupport.StompTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Sockets that pretend to connect, and one address opening socket after socket: the
 * deadline and the per-address cap end them, others carry on.
 */
@GatewayUnderAttack
class ConnectFloodAttackTests {

	/** The default {@code chat.web.max-sockets-per-address}. */
	private static final int CAP = 50;

	@LocalServerPort
	int port;

	@Test
	void socketThatSendsOnlyTheWordConnectIsClosedAtTheDeadline() throws Exception {
		try (RawWebSocket pretender = RawWebSocket.open(this.port, Map.of())) {
			pretender.send("CONNECT");

			assertThat(pretender.closed().get(10, TimeUnit.SECONDS)).as("close code of a bare 'CONNECT'")
				.isEqualTo(1008);
		}
	}

	@Test
	void socketWithAnUnfinishedConnectFrameIsClosedAtTheDeadline() throws Exception {
		try (RawWebSocket pretender = RawWebSocket.open(this.port, Map.of())) {
			pretender.send("CONNECT\naccept-version:1.2\nx-pad:" + "a".repeat(30_000));

			assertThat(pretender.closed().get(10, TimeUnit.SECONDS)).as("close code of a 30 KB unfinished CONNECT")
				.isEqualTo(1008);
		}
	}

	@Test
	void oneAddressGetsNoMoreSocketsThanTheCapAndOthersCarryOn() throws Exception {
		Map<String, String> flooder = Map.of("X-Forwarded-For", "198.51.100.25");
		List<RawWebSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < CAP; i++) {
				RawWebSocket socket = RawWebSocket.open(this.port, flooder);
				sockets.add(socket);
				socket.send(RawWebSocket.connectFrame());
				assertThat(socket.next(Duration.ofSeconds(10))).as("socket %d of %d", i + 1, CAP)
					.startsWith("CONNECTED");
			}

			assertThatThrownBy(() -> RawWebSocket.open(this.port, flooder)).as("socket %d", CAP + 1)
				.isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOfSatisfying(WebSocketHandshakeException.class,
						(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(429));
			try (StompTestClient neighbour = StompTestClient.connect(this.port)) {
				assertThat(neighbour.isConnected()).as("a client from another address").isTrue();
			}
			sockets.remove(0).close();
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
				sockets.add(RawWebSocket.open(this.port, flooder));
				return true;
			});
		}
		finally {
			sockets.forEach(RawWebSocket::close);
		}
	}

}
