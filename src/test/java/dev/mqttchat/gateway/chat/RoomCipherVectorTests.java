package dev.mqttchat.gateway.chat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.RoomCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end test vector of docs/protocol.md, sealed by the page's module in Node and
 * checked here by an implementation with the JDK alone: both give the same bytes.
 */
class RoomCipherVectorTests {

	static final String ROOM = "q7Wn3xR2tY8uK5mB1cVz0A";

	static final String AUTHOR = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

	static final String CIPHERTEXT = "P0ILoKEgZDGHXWd9CkIX4nRTi4Ds2t7o75t3XxckEuDA45k6AsP_g2QAsfyOFg__flLKWRPPRw";

	@Test
	void theJdkSealsAndOpensAsThePageDoes() throws Exception {
		byte[] secret = new byte[32];
		for (int i = 0; i < 32; i++) {
			secret[i] = (byte) i;
		}
		byte[] iv = new byte[12];
		for (int i = 0; i < 12; i++) {
			iv[i] = (byte) (0xa0 + i);
		}
		RoomCipher cipher = new RoomCipher(secret);
		assertThat(RoomCipher.base64url(secret)).isEqualTo("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8");
		assertThat(cipher.kid()).isEqualTo("vAUWorw-nly4JKDHJBUtyQ");
		assertThat(cipher.reactionTag("👍")).isEqualTo("e:J7jHKliSH2-iTRjMCoJTdw");
		assertThat(new String(RoomCipher.additionalData(ROOM, AUTHOR, "c-1"), StandardCharsets.UTF_8))
			.isEqualTo("15:mqtt-chat/e2e/1,22:" + ROOM + ",43:" + AUTHOR + ",3:c-1,");
		assertThat(cipher.seal(ROOM, AUTHOR, "c-1", "{\"text\":\"meet at the usual place 🙂\"}", iv))
			.isEqualTo(CIPHERTEXT);
		assertThat(cipher.open(ROOM, AUTHOR, "c-1", RoomCipher.base64url(iv), CIPHERTEXT))
			.isEqualTo("{\"text\":\"meet at the usual place 🙂\"}");
	}

}
