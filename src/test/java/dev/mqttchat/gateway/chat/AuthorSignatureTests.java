package dev.mqttchat.gateway.chat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature format against the test vector of docs/protocol.md, which the page's unit
 * tests check too: the key is RFC 8032's first test key.
 */
@Tag("jdk-smoke")
class AuthorSignatureTests {

	static final String ROOM = "q7Wn3xR2tY8uK5mB1cVz0A";

	static final String AUTHOR = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

	static final String SIG = "0CnsGxhb30ajKmFQkTfPIM7uNdnPwubIP4u9vavxRAqC5i1-F4GjiUZdxs9nUGjb3L2vY8uema-FMWlZ7QYPDw";

	static final String TARGET = "5b0e9a51-8f3c-3d2a-9c1e-7f4b2a6d8e10";

	@Test
	void theDocumentedVectorHolds() {
		ChatMessage edit = edit(ROOM, TARGET, "see you at 1 🙂", AUTHOR);
		assertThat(new String(AuthorSignature.signedBytes(edit), StandardCharsets.UTF_8))
			.isEqualTo("11:mqtt-chat/1,22:q7Wn3xR2tY8uK5mB1cVz0A,3:c-2,3:ada,4:edit,"
					+ "36:5b0e9a51-8f3c-3d2a-9c1e-7f4b2a6d8e10,17:see you at 1 🙂,0:,0:,0:,");
		assertThat(AuthorSignature.holds(edit)).isTrue();
	}

	@Test
	void aSignatureHoldsForNoOtherTargetRoomTextOrKey() {
		assertThat(AuthorSignature.holds(edit(ROOM, "another-message", "see you at 1 🙂", AUTHOR))).isFalse();
		assertThat(AuthorSignature.holds(edit("another-room", TARGET, "see you at 1 🙂", AUTHOR))).isFalse();
		assertThat(AuthorSignature.holds(edit(ROOM, TARGET, "see you at 2 🙂", AUTHOR))).isFalse();
		String otherKey = "A" + AUTHOR.substring(1);
		assertThat(AuthorSignature.holds(edit(ROOM, TARGET, "see you at 1 🙂", otherKey))).isFalse();
		assertThat(AuthorSignature.holds(edit(ROOM, TARGET, "see you at 1 🙂", "not-base64!"))).isFalse();
	}

	private static ChatMessage edit(String room, String target, String text, String author) {
		return new ChatMessage("id", room, "ada", null, text, Instant.now(), MessageSource.MQTT, null,
				new MessageEnvelope(MessageType.EDIT, target, null, "c-2", author, SIG));
	}

}
