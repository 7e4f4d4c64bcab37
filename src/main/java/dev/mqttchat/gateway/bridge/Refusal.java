package dev.mqttchat.gateway.bridge;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.UnicodeText;
import dev.mqttchat.gateway.chat.ChatMessage;

/**
 * Why something published on a room's topic was not stored, as the gateway tells its
 * sender on the room's feedback topic: the reason and what the sender said it was (its
 * {@code id}, {@code clientMsgId}, {@code clientId}, {@code author}, {@code type} and
 * {@code target}, where known).
 *
 * @param roomId the room whose topic it was published on
 * @param reason the code, as in the metrics' {@code reason} tags
 * @param detail what was wrong, in words
 * @param id the entry's id: its own, or for a signed entry the one its key and
 * {@code clientMsgId} give it
 * @param clientMsgId the {@code clientMsgId} it carried
 * @param clientId the {@code clientId} it carried
 * @param author the author key it carried
 * @param type its type
 * @param target the message it acted on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Refusal(String roomId, String reason, String detail, @Nullable String id, @Nullable String clientMsgId,
		@Nullable String clientId, @Nullable String author, @Nullable String type, @Nullable String target) {

	/** A refusal of a payload nothing could be read from. */
	static Refusal of(String roomId, String reason, String detail) {
		return new Refusal(roomId, reason, detail, null, null, null, null, null, null);
	}

	/** A refusal of {@code entry}. */
	static Refusal of(ChatMessage entry, String reason, String detail) {
		return new Refusal(entry.roomId(), reason, detail, entry.id(), entry.envelope().clientMsgId(), entry.clientId(),
				entry.envelope().author(), entry.envelope().type().wireName(), entry.envelope().target());
	}

	/** A refusal of JSON that could not be read as an entry. */
	static Refusal of(String roomId, WireMessageReader.WireMessage wire, String reason) {
		return new Refusal(roomId, reason, "JSON entry refused: " + reason, said(wire.id()), said(wire.clientMsgId()),
				said(wire.clientId()), said(wire.author()), said(wire.type()), said(wire.target()));
	}

	// Only what can be said back safely: short, well-formed text.
	private static @Nullable String said(@Nullable Object value) {
		return (value instanceof String s && s.length() <= 128 && UnicodeText.isWellFormed(s)) ? s : null;
	}

}
