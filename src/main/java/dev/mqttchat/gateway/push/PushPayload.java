package dev.mqttchat.gateway.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.MessageAttachment;
import dev.mqttchat.gateway.chat.StoredMessage;
import dev.mqttchat.gateway.room.Room;

/**
 * What a push carries, encrypted for the device: the room and message to open, a title,
 * and in a plain room the text, shortened; in an end-to-end encrypted room no text at all
 * (the server cannot read it; the service worker opens the message itself).
 *
 * @param roomId the room
 * @param seq the message's place in the room
 * @param title who wrote where: "Ada in Design"
 * @param body the text as plain text, at most {@value #MAX_BODY} characters; absent in an
 * encrypted room
 */
record PushPayload(String roomId, long seq, String title,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String body) {

	/** A notification shows a few lines: longer texts are cut, with an ellipsis. */
	static final int MAX_BODY = 200;

	private static final int MAX_TITLE = 100;

	/** The payload announcing {@code message} of {@code room}. */
	static PushPayload of(StoredMessage message, Room room) {
		String who = (message.username() != null) ? message.username() : "Someone";
		String title = (room.name() != null && !room.name().isBlank()) ? who + " in " + room.name() : who;
		return new PushPayload(room.id(), message.seq(), shorten(title, MAX_TITLE),
				room.encrypted() ? null : body(message));
	}

	private static String body(StoredMessage message) {
		String text = message.text().strip().replaceAll("\\s+", " ");
		if (!text.isEmpty()) {
			return shorten(text, MAX_BODY);
		}
		if (message.attachments().isEmpty()) {
			return "";
		}
		return message.attachments().stream().allMatch((attachment) -> MessageAttachment.FILE.equals(attachment.kind()))
				? "Sent a file" : "Sent a picture";
	}

	/** At most {@code max} code points, never splitting a surrogate pair. */
	static String shorten(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
	}

}
