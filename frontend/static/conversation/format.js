// Pure helpers of the chat page, kept free of the DOM so they can be tested on their own.

export const ROOM_ID = /^[A-Za-z0-9]{16,64}$/;

// The username rule lives with the username field; re-exported here, where the page's other rules are.
export { isValidUsername, MAX_USERNAME, normalizeUsername, usernameProblem } from "../identity/username.js";

/** The room id in a pasted link (".../rooms/{id}") or a bare id, or null. */
export function parseRoomLink(input) {
  const text = (input ?? "").trim();
  if (ROOM_ID.test(text)) {
    return text;
  }
  const match = /\/rooms\/([A-Za-z0-9]+)\/?(?:[?#].*)?$/.exec(text);
  return match && ROOM_ID.test(match[1]) ? match[1] : null;
}

/** The room id of a page path such as "/rooms/{id}", or null for any other path. */
export function roomIdOfPath(path) {
  const match = /^\/rooms\/([A-Za-z0-9]+)\/?$/.exec(path ?? "");
  return match && ROOM_ID.test(match[1]) ? match[1] : null;
}

function toDate(value) {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "14:05" in the reader's own time zone (or the one given, for tests). */
export function formatTime(iso, { locale, timeZone } = {}) {
  const date = toDate(iso);
  return date ? date.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", timeZone }) : "";
}

/** The full date and time, for a tooltip. */
export function formatDateTime(iso, { locale, timeZone } = {}) {
  const date = toDate(iso);
  return date ? date.toLocaleString(locale, { dateStyle: "full", timeStyle: "medium", timeZone }) : "";
}

/** "2026-11-25": the calendar day of an instant in a time zone, to tell days apart. */
export function dayKey(iso, { timeZone } = {}) {
  const date = toDate(iso);
  if (!date) {
    return "";
  }
  // en-CA formats as YYYY-MM-DD, which also sorts and compares as text.
  return date.toLocaleDateString("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone });
}

/** The label of a day separator: "Today", "Yesterday" or the date itself. */
export function formatDay(iso, { now = new Date(), locale, timeZone } = {}) {
  const date = toDate(iso);
  if (!date) {
    return "";
  }
  const key = dayKey(date, { timeZone });
  if (key === dayKey(now, { timeZone })) {
    return "Today";
  }
  // Noon minus a day stays on the previous calendar day across daylight-saving changes.
  const yesterday = new Date(`${dayKey(now, { timeZone })}T12:00:00Z`);
  yesterday.setUTCDate(yesterday.getUTCDate() - 1);
  if (key === yesterday.toISOString().slice(0, 10)) {
    return "Yesterday";
  }
  return date.toLocaleDateString(locale, { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone });
}

/** Who said it, as the page shows it. */
export function senderLabel(message) {
  return message.username ?? "MQTT client";
}

/** Up to two initials of a name for its avatar: "Ada Lovelace" gives "AL", "ada" gives "A". */
export function initials(name) {
  const words = (name ?? "").trim().split(/[\s._-]+/u).filter(Boolean);
  if (words.length === 0) {
    return "?";
  }
  const first = (word) => [...word][0].toLocaleUpperCase();
  return words.length === 1 ? first(words[0]) : first(words[0]) + first(words[1]);
}

/** A hue (0-359) derived from a name, so one sender keeps one avatar colour everywhere (FNV-1a hash). */
export function avatarHue(name) {
  let hash = 0x811c9dc5;
  for (const char of name ?? "") {
    hash ^= char.codePointAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 360;
}

/** The first eight characters of a room id, enough to tell rooms apart at a glance. */
export function shortId(id) {
  return (id ?? "").slice(0, 8);
}

/** The document title, with the unread count in front while there is one. */
export function titleWithUnread(base, unread) {
  return unread > 0 ? `(${unread > 99 ? "99+" : unread}) ${base}` : base;
}

/** A REST problem (RFC 9457) as one readable sentence, from its parsed body and HTTP status. */
export function problemText(problem, status) {
  if (problem && typeof problem === "object") {
    const detail = typeof problem.detail === "string" ? problem.detail.trim() : "";
    const title = typeof problem.title === "string" ? problem.title.trim() : "";
    if (detail) {
      return detail;
    }
    if (title) {
      return title;
    }
  }
  return `The server answered HTTP ${status}.`;
}
