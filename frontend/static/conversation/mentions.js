// Whether a message mentions the reader as @username, and the notification it raises. Pure logic, no DOM.

import { senderLabel } from "./format.js";
import { notifies } from "./notify-settings.js";

/** A notification's body is cut to about this many characters. */
export const MAX_BODY = 120;

// Letters, digits and the underscore of any script: "@ada" is no mention in "@adam", nor inside "x@ada.org".
const WORD = "[\\p{L}\\p{M}\\p{N}_]";

/** Every character regular expressions give a meaning to (the u flag refuses escapes of any other). */
const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;

/**
 * Whether {@code text} mentions {@code username}: "@" and the name literally (names may hold spaces and
 * punctuation), in any case, not glued to a word before it and ending at a non-word character or the end.
 */
export function mentions(text, username) {
  const name = (username ?? "").trim();
  if (!name || typeof text !== "string") {
    return false;
  }
  return mentionPattern(name, "iu").test(text);
}

/** Where {@code text} mentions {@code username} (as mentions() finds it): each as {@code { start, end }}. */
export function mentionSpans(text, username) {
  const name = (username ?? "").trim();
  if (!name || typeof text !== "string") {
    return [];
  }
  return [...text.matchAll(mentionPattern(name, "giu"))].map((match) => ({
    start: match.index, end: match.index + match[0].length,
  }));
}

function mentionPattern(name, flags) {
  return new RegExp(`(?<!${WORD})@${name.replace(SPECIAL, "\\$&")}(?!${WORD})`, flags);
}

/** {@code text} cut to {@code max} characters (whole code points), with "…" where it was cut. */
export function truncate(text, max = MAX_BODY) {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}

/**
 * The notification a live {@code message} raises, as {@code { title, options }}, or null: only while the tab is
 * {@code hidden}, never for the reader's own messages ({@code clientId} of this tab, or their {@code me} name),
 * and as the room's {@code notify} choice says (notify-settings.js): by default only when it mentions {@code me}.
 * One tag per room: a newer one replaces the older one.
 */
export function mentionNotification(message, { me, clientId, room, hidden, notify = "mentions" }) {
  if (!hidden || !room || !message || message.roomId !== room.id) {
    return null;
  }
  const own = (clientId && message.clientId === clientId) || (me && message.username === me);
  if (own || typeof message.text !== "string" || !notifies(notify, { mentioned: mentions(message.text, me) })) {
    return null;
  }
  return {
    title: room.name ?? "Unnamed room",
    options: { body: truncate(`${senderLabel(message)}: ${message.text}`), tag: room.id },
  };
}
