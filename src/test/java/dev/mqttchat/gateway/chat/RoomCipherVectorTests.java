package dev.mqttchat.gateway.chat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mqttchat.gateway.testsupport.RoomCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end test vector of docs/protocol.md, sealed by the page's module in Node and
 * checked here by an implementation with the JDK alone: both give the same bytes.
 */
@Tag("jdk-smoke")
class RoomCipherVectorTests {

	static final String ROOM = "q7Wn3xR2tY8uK5mB1cVz0A";

	static final String AUTHOR = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

	static final String SEALED_PICTURE = "sLGys7S1tre4ubq7C16VzbN76eO8yV4LPQIpE3rI376DRcWER7vVEpM8Wnuj-hb0Oonb6c1B4t04F0fMDstHwVb72P8";

	static final String CIPHERTEXT = "P0ILoKEgZDGHXWd9CkIX4nRTi4Ds2t7o75t3XxckEuDA45k6AsP_g2QAsfyOFg__flLKWRPPRw";

	@Test
	void theJdkSealsAndOpensAsThePageDoes() throws Exception {
		byte[] secret = counting(0x00, 32);
		byte[] iv = counting(0xa0, 12);
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

	@Test
	void theJdkSealsAndOpensPicturesAsThePageDoes() throws Exception {
		byte[] secret = counting(0x00, 32);
		byte[] iv = counting(0xb0, 12);
		RoomCipher cipher = new RoomCipher(secret);
		byte[] picture = "not really a PNG, but bytes all the same".getBytes(StandardCharsets.UTF_8);
		byte[] sealed = cipher.sealPicture(ROOM, picture, iv);
		assertThat(RoomCipher.base64url(sealed)).isEqualTo(SEALED_PICTURE);
		assertThat(cipher.openPicture(ROOM, sealed)).isEqualTo(picture);
	}

	/** {@code length} bytes counting up from {@code first}. */
	private static byte[] counting(int first, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (first + i);
		}
		return bytes;
	}

}
