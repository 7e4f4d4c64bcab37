package dev.mqttchat.gateway.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The edit that gave an edited message its current text, as much of it as a reader needs
 * to open and verify that text on its own: the current text (or sealed text) was signed
 * and sealed by this edit, under its own {@code clientMsgId}, not by the message.
 *
 * @param id the edit entry's id
 * @param seq the edit entry's seq
 * @param clientMsgId the edit's {@code clientMsgId}: part of its signed bytes and, in an
 * encrypted room, of its sealed text's additional data
 * @param username the name the edit was signed under
 * @param sig the edit's signature, by the message's {@code author} key, over the edit's
 * signed bytes with the message's current text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LastEdit(String id, long seq, @Nullable String clientMsgId, @Nullable String username,
		@Nullable String sig) {

	/** The edit {@code edit} as its target's current state names it. */
	public static LastEdit of(StoredMessage edit) {
		return new LastEdit(edit.id(), edit.seq(), edit.envelope().clientMsgId(), edit.username(),
				edit.envelope().sig());
	}

}
