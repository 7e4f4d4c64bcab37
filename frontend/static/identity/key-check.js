// Names are not identities: remembers, per room, the first author key seen with each name, and tells when the same
// name arrives with another key (someone else, or the same person in another browser).

const PREFIX = "chat.authorKeys.";

/** The keys seen with each name in one room, kept in {@code storage} so that a reload remembers them. */
export class KeyCheck {
  #known = {};
  #key = null;

  constructor({ storage }) {
    this.storage = storage;
  }

  /** A room opens: its names and keys as seen before. */
  enter(roomId) {
    this.#key = PREFIX + roomId;
    try {
      this.#known = JSON.parse(this.storage.getItem(this.#key) ?? "{}") ?? {};
    } catch {
      this.#known = {};
    }
  }

  /**
   * "same" when {@code message}'s name came with this key before (or first now), "other" when it came with another
   * key first, "unsigned" when the message carries none.
   */
  check(message) {
    const { username: name, author } = message;
    if (typeof author !== "string" || typeof name !== "string") {
      return "unsigned";
    }
    if (!Object.hasOwn(this.#known, name)) {
      this.#known[name] = author;
      this.#save();
    }
    return this.#known[name] === author ? "same" : "other";
  }

  #save() {
    try {
      this.storage.setItem(this.#key, JSON.stringify(this.#known));
    } catch {
      // A full storage only costs the memory across reloads.
    }
  }
}
