// Names that imitate others ("аdа" with Cyrillic a's for "ada"): the server marks a name that mixes scripts as
// spoofs do ("lookalike") and gives its confusable skeleton (UTS #39, "nameSkeleton") when that is not the name
// itself. Remembers, per room, the names seen with each skeleton, and tells when two names look alike.

const PREFIX = "chat.nameSkeletons.";

// Bounded: anyone can invent names. Past it, known names are still told apart, new skeletons are not kept.
const MAX_SKELETONS = 2000;

const MAX_NAMES = 8;

/** The names seen with each skeleton in one room, kept in {@code storage} so that a reload remembers them. */
export class LookalikeCheck {
  #known = {};
  #key = null;

  constructor({ storage }) {
    this.storage = storage;
  }

  /** A room opens: its names as seen before. */
  enter(roomId) {
    this.#key = PREFIX + roomId;
    try {
      this.#known = JSON.parse(this.storage.getItem(this.#key) ?? "{}") ?? {};
    } catch {
      this.#known = {};
    }
  }

  /**
   * Null when {@code message}'s name looks like no other, else {@code { mixed, like }}: {@code mixed} when the server
   * marked it, {@code like} the other name seen in this room that it looks like, or null. Both names of a pair are
   * told: the page cannot know which one came first to the room.
   */
  check(message) {
    const name = message.username;
    if (typeof name !== "string") {
      return null;
    }
    const skeleton = typeof message.nameSkeleton === "string" ? message.nameSkeleton : name;
    const names = Object.hasOwn(this.#known, skeleton) ? this.#known[skeleton] : [];
    if (!names.includes(name) && names.length < MAX_NAMES
      && (names.length > 0 || Object.keys(this.#known).length < MAX_SKELETONS)) {
      this.#known[skeleton] = [...names, name];
      this.#save();
    }
    const like = names.find((other) => other !== name) ?? null;
    const mixed = message.lookalike === true;
    return mixed || like !== null ? { mixed, like } : null;
  }

  #save() {
    try {
      this.storage.setItem(this.#key, JSON.stringify(this.#known));
    } catch {
      // A full storage only costs the memory across reloads.
    }
  }
}
