package dev.mqttchat.gateway.chat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.testsupport.RoomCipher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of docs/protocol.md that tie ids, signatures and sealing together: how
 * a signed entry's id follows from its key and clientMsgId, the exact signed bytes of
 * sealed entries, and an edited sealed message as history gives it, opened and verified
 * on its own with its {@code lastEdit}.
 */
class ProtocolVectorTests {

	static final String ROOM = "q7Wn3xR2tY8uK5mB1cVz0A";

	static final String AUTHOR = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

	static final String MESSAGE_ID = "594ae5ae-af24-3180-a2e6-8e67bf321f15";

	static final String KID = "vAUWorw-nly4JKDHJBUtyQ";

	static final String MESSAGE_IV = "oKGio6Slpqeoqaqr";

	static final String MESSAGE_CIPHERTEXT = "P0ILoKEgZDGHXWd9CkIX4nRTi4Ds2t7o75t3XxckEuDA45k6AsP_g2QAsfyOFg__flLKWRPPRw";

	static final String MESSAGE_SIG = "s9kdKB7zhiKJAIx3IXX2TSgdGn2yHrJMq-K391DPZ_XjxmWyVqMVKq5OvW2uPwxwQja3ucPZoV_Vv1q9wPPoCg";

	static final String EDIT_IV = "wMHCw8TFxsfIycrL";

	static final String EDIT_CIPHERTEXT = "itgjiogOZQPXIMvScL1IE0gloTy6ccorHqFDqDJEgVvafRxgtUT6ppz5dsk";

	static final String EDIT_SIG = "u-R6vtV9R-AqOVLo70-IEgfHarRAIX3yALQrzm6UkV0U6ARtDhO45cvY7aeYyvGT7RBEXqT9dKSAwKjuty20Bw";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aSignedEntrysIdIsTheNameBasedUuidOfItsRoomKeyAndClientMsgId() {
		assertThat(ChatMessage.idForAuthor(ROOM, AUTHOR, "c-1")).isEqualTo(MESSAGE_ID);
		assertThat(ChatMessage.idForAuthor(ROOM, AUTHOR, "c-2")).as("the edit vector's id")
			.isEqualTo("75ced98e-4444-32f6-8c0e-b87b826bbeab");
		// UUID version 3 without a namespace: MD5 of the UTF-8 text, version and variant
		// bits set.
		assertThat(java.util.UUID
			.nameUUIDFromBytes(("chat-entry\n" + ROOM + "\n" + AUTHOR + "\nc-1").getBytes(StandardCharsets.UTF_8))
			.toString()).isEqualTo(MESSAGE_ID);
	}

	@Test
	void aSignedSealedMessageSignsItsSealedFieldsAsOneNetstring() {
		ChatMessage message = sealed(MESSAGE_ID, MessageType.MESSAGE, null, "c-1", MESSAGE_SIG, MESSAGE_IV,
				MESSAGE_CIPHERTEXT);
		assertThat(new String(AuthorSignature.signedBytes(message), StandardCharsets.UTF_8))
			.isEqualTo("11:mqtt-chat/1,22:q7Wn3xR2tY8uK5mB1cVz0A,3:c-1,3:ada,7:message,0:,116:1." + KID + "."
					+ MESSAGE_IV + "." + MESSAGE_CIPHERTEXT + ",0:,0:,0:,");
		assertThat(AuthorSignature.holds(message)).isTrue();
	}

	@Test
	void anEditedSealedMessageFromHistoryOpensAndVerifiesWithItsLastEdit() throws Exception {
		RoomCipher cipher = new RoomCipher(counting(0x00, 32));
		assertThat(cipher.seal(ROOM, AUTHOR, "c-2", "{\"text\":\"see you at 1 🙂\"}", counting(0xc0, 12)))
			.isEqualTo(EDIT_CIPHERTEXT);
		ChatMessage edit = sealed("e-id", MessageType.EDIT, MESSAGE_ID, "c-2", EDIT_SIG, EDIT_IV, EDIT_CIPHERTEXT);
		assertThat(new String(AuthorSignature.signedBytes(edit), StandardCharsets.UTF_8))
			.isEqualTo("11:mqtt-chat/1,22:q7Wn3xR2tY8uK5mB1cVz0A,3:c-2,3:ada,4:edit,36:" + MESSAGE_ID + ",101:1." + KID
					+ "." + EDIT_IV + "." + EDIT_CIPHERTEXT + ",0:,0:,0:,");
		assertThat(AuthorSignature.holds(edit)).isTrue();

		// History's current state: the message's own clientMsgId and sig, the edit's
		// sealed text, and the edit named.
		StoredMessage current = StoredMessage
			.of(sealed(MESSAGE_ID, MessageType.MESSAGE, null, "c-1", MESSAGE_SIG, EDIT_IV, EDIT_CIPHERTEXT), 1,
					Instant.parse("2026-12-02T12:00:00Z"))
			.withState(new MessageState(Instant.parse("2026-12-02T12:01:00Z"), false, Map.of(), 2L, null,
					new LastEdit("9e3f", 2, "c-2", "ada", EDIT_SIG)));
		@SuppressWarnings("unchecked")
		Map<String, Object> read = this.json.readValue(this.json.writeValueAsString(current), Map.class);
		assertThat(read).containsEntry("clientMsgId", "c-1")
			.containsEntry("sig", MESSAGE_SIG)
			.containsEntry("lastEdit",
					Map.of("id", "9e3f", "seq", 2, "clientMsgId", "c-2", "username", "ada", "sig", EDIT_SIG));
		assertThat(AuthorSignature.holds(current.message())).as("the message's own sig over the current text")
			.isFalse();
		assertThat(cipher.open(ROOM, AUTHOR, "c-2", EDIT_IV, EDIT_CIPHERTEXT))
			.isEqualTo("{\"text\":\"see you at 1 🙂\"}");
		// What a reader rebuilds from the current state alone: the edit entry.
		LastEdit last = current.state().lastEdit();
		ChatMessage rebuilt = new ChatMessage(last.id(), ROOM, last.username(), null, "", current.sentAt(),
				MessageSource.MQTT, null, List.of(), new MessageEnvelope(MessageType.EDIT, current.id(), null,
						last.clientMsgId(), current.envelope().author(), last.sig(), 1, KID, EDIT_IV, EDIT_CIPHERTEXT));
		assertThat(AuthorSignature.holds(rebuilt)).isTrue();
	}

	private static ChatMessage sealed(String id, MessageType type, String target, String clientMsgId, String sig,
			String iv, String ciphertext) {
		return new ChatMessage(id, ROOM, "ada", null, "", Instant.parse("2026-12-02T12:00:00Z"), MessageSource.MQTT,
				null, List.of(),
				new MessageEnvelope(type, target, null, clientMsgId, AUTHOR, sig, 1, KID, iv, ciphertext));
	}

	private static byte[] counting(int first, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (first + i);
		}
		return bytes;
	}

}
