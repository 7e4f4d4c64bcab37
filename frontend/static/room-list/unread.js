// Unread messages across rooms, no DOM: how far the reader has read each room (kept in storage, only forward), the
// counts the server gave (POST /api/rooms/unread) and the live messages of watched rooms on top. Pure logic.

import { mentions } from "../conversation/mentions.js";

export const READ_KEY = "chat.readUpTo";

/** Counts beyond this show as "999+", as the server stops counting there. */
export const MAX_SHOWN = 999;

/** Rooms whose position is kept, the most recently read first; older ones are forgotten. */
export const MAX_KEPT = 200;

export class UnreadCounts {
  #storage;
  #read;
  #counts = new Map();

  constructor(storage) {
    this.#storage = storage;
    this.#read = load(storage);
  }

  /** The last seq the reader has seen in {@code roomId}, or null if never. */
  readUpTo(roomId) {
    return this.#read[roomId] ?? null;
  }

  /** The reader saw {@code roomId} up to {@code seq}: its count is cleared; true if anything changed. */
  seen(roomId, seq) {
    if (!Number.isSafeInteger(seq) || seq <= (this.#read[roomId] ?? 0)) {
      return this.clear(roomId);
    }
    // Moved to the end: the rooms read longest ago are the ones forgotten first.
    delete this.#read[roomId];
    this.#read[roomId] = seq;
    save(this.#storage, this.#read);
    this.clear(roomId);
    return true;
  }

  /** Nothing unread in {@code roomId} (it is open); true if it had some. */
  clear(roomId) {
    const had = this.#counts.get(roomId);
    this.#counts.set(roomId, { unread: 0, mentions: 0, latestSeq: had?.latestSeq ?? 0 });
    return Boolean(had?.unread);
  }

  /** The server's count for one room: {@code { id, latestSeq, unread, mentions }}. */
  counted({ id, latestSeq, unread, mentions: mentioned }) {
    this.#counts.set(id, { latestSeq, unread, mentions: mentioned });
  }

  /**
   * A live message of watched room {@code roomId}: counted when it is a new message by someone else after the
   * reader's position. {@code me} is the reader's name; {@code text} the text to look for mentions in (the
   * message's own, or null when it is sealed). True if the count changed.
   */
  message(roomId, message, { me, text = message.text }) {
    const count = this.#counts.get(roomId) ?? { unread: 0, mentions: 0, latestSeq: 0 };
    const isNew = Number.isSafeInteger(message.seq) && message.seq > Math.max(count.latestSeq,
      this.#read[roomId] ?? 0);
    if (!isNew) {
      return false;
    }
    count.latestSeq = message.seq;
    this.#counts.set(roomId, count);
    const kind = message.type ?? "message";
    if (kind !== "message" || (me && message.username === me)) {
      return false;
    }
    count.unread = Math.min(count.unread + 1, MAX_SHOWN + 1);
    if (me && typeof text === "string" && mentions(text, me)) {
      count.mentions += 1;
    }
    return true;
  }

  /** {@code { unread, mentions }} of one room. */
  of(roomId) {
    const count = this.#counts.get(roomId);
    return { unread: count?.unread ?? 0, mentions: count?.mentions ?? 0 };
  }

  /** The unread messages of all rooms but {@code except}. */
  total(except = null) {
    let sum = 0;
    for (const [id, count] of this.#counts) {
      sum += id === except ? 0 : count.unread;
    }
    return sum;
  }
}

/** The words screen readers hear at the end of a room's entry: "3 unread", ", mentions you" before it. */
export function unreadLabel({ unread, mentions: mentioned }) {
  if (!unread) {
    return "";
  }
  const count = unread > MAX_SHOWN ? `${MAX_SHOWN}+` : String(unread);
  return `${mentioned ? ", mentions you" : ""}, ${count} unread`;
}

/** The count as the badge shows it. */
export function badgeText(unread) {
  return unread > MAX_SHOWN ? `${MAX_SHOWN}+` : String(unread);
}

function load(storage) {
  try {
    const value = JSON.parse(storage.getItem(READ_KEY) ?? "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

function save(storage, read) {
  const kept = Object.entries(read).slice(-MAX_KEPT);
  try {
    storage.setItem(READ_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or refused: positions stay for this page only.
  }
}
