package dev.mqttchat.gateway.security;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slowloris: a request whose head never ends holds its connection only until the
 * connection timeout (10 s), not Tomcat's default minute.
 */
@GatewayUnderAttack
class SlowRequestAttackTests {

	@LocalServerPort
	int port;

	@Test
	void requestWhoseHeadNeverEndsIsDropped() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n").getBytes(StandardCharsets.US_ASCII));
			long start = System.nanoTime();
			InputStream in = socket.getInputStream();

			// Tomcat answers 400 or just closes; either way the read ends.
			while (in.read() != -1) {
				// drain until closed
			}

			Duration held = Duration.ofNanos(System.nanoTime() - start);
			assertThat(held).as("time the unfinished request held its connection").isLessThan(Duration.ofSeconds(20));
		}
	}

}
