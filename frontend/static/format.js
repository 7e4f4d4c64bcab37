// Pure helpers of the chat page, kept free of the DOM so they can be tested on their own.

export const ROOM_ID = /^[A-Za-z0-9]{16,64}$/;

/** The room id in a pasted link (".../rooms/{id}") or a bare id, or null. */
export function parseRoomLink(input) {
  const text = (input ?? "").trim();
  if (ROOM_ID.test(text)) {
    return text;
  }
  const match = /\/rooms\/([A-Za-z0-9]+)\/?(?:[?#].*)?$/.exec(text);
  return match && ROOM_ID.test(match[1]) ? match[1] : null;
}

/** A username the server accepts: 1-32 characters, not only spaces, no control characters. */
export function isValidUsername(name) {
  const trimmed = (name ?? "").trim();
  return trimmed.length > 0 && [...trimmed].length <= 32 && !/\p{Cc}/u.test(trimmed);
}

/** "14:05" in the reader's own time zone. */
export function formatTime(iso, locale) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ""
    : date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
}

/** Who said it, as the page shows it. */
export function senderLabel(message) {
  return message.username ?? "MQTT client";
}
