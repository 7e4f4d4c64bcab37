// The half-typed message of each room, kept on this device (localStorage) until it is sent: restored on reload and
// when the room is opened again.

const PREFIX = "chat.draft.";

/** A draft longer than this is not kept (the server's limit is far below it; a full storage costs only the draft). */
export const MAX_DRAFT = 20000;

/** The drafts in {@code storage}, one per room id. */
export class Drafts {
  constructor({ storage }) {
    this.storage = storage;
  }

  /** Room {@code roomId}'s draft, "" for none. */
  get(roomId) {
    try {
      return this.storage.getItem(PREFIX + roomId) ?? "";
    } catch {
      return "";
    }
  }

  /** Keeps {@code text} as room {@code roomId}'s draft; an empty (or blank) text removes it. */
  set(roomId, text) {
    if (!roomId) {
      return;
    }
    try {
      if (typeof text !== "string" || text.trim() === "" || text.length > MAX_DRAFT) {
        this.storage.removeItem(PREFIX + roomId);
      } else {
        this.storage.setItem(PREFIX + roomId, text);
      }
    } catch {
      // A full or refused storage only costs the draft.
    }
  }

  /** The draft was sent (or its room is gone). */
  clear(roomId) {
    this.set(roomId, "");
  }
}
