// Which thread each message belongs to, and how many replies each root has: the pure part of threads (ThreadView
// shows them). A reply's threadId names its root (the gateway derives it from replyTo, docs/protocol.md).

/** The key under which the page remembers whether thread replies show in the conversation. */
export const SHOW_REPLIES_KEY = "chat.showThreadReplies";

/** "1 reply", "3 replies". */
export function repliesLabel(count) {
  return count === 1 ? "1 reply" : `${count} replies`;
}

/** Whether thread replies show in the main list: yes unless the reader turned them off ({@code storage}). */
export function showsReplies(storage) {
  return storage?.getItem(SHOW_REPLIES_KEY) !== "false";
}

/**
 * What a reply in the thread of {@code rootId} sends: replyTo the message answered ({@code answering}, or the root),
 * and the root's threadId.
 */
export function threadReply(rootId, answering = null) {
  return { replyTo: answering ?? rootId, threadId: rootId };
}

/** The threads of the open room, from the messages it has seen (live and from history). */
export class ThreadIndex {
  #roots = new Map();
  #replies = new Map();
  #messages = new Map();

  /** Another room: nothing known. */
  reset() {
    this.#roots.clear();
    this.#replies.clear();
    this.#messages.clear();
  }

  /**
   * Records {@code message} (the newest copy of it wins): a reply under its root, a root's reply count as the server
   * said it. Returns the id of the thread it belongs to (its own for a root), or null for no thread.
   */
  add(message) {
    if (!message?.id || (message.type && message.type !== "message")) {
      return null;
    }
    this.#messages.set(message.id, message);
    if (message.threadId) {
      const replies = this.#replies.get(message.threadId) ?? new Map();
      replies.set(message.id, message);
      this.#replies.set(message.threadId, replies);
      return message.threadId;
    }
    if (Number.isSafeInteger(message.replies) && message.replies > (this.#roots.get(message.id) ?? 0)) {
      this.#roots.set(message.id, message.replies);
    }
    return this.count(message.id) > 0 ? message.id : null;
  }

  /** The thread {@code message} is a reply in, or null. */
  static threadOf(message) {
    return message?.threadId ?? null;
  }

  /** How many replies {@code rootId} has: what the server counted, or more if more arrived since. */
  count(rootId) {
    return Math.max(this.#roots.get(rootId) ?? 0, this.#replies.get(rootId)?.size ?? 0);
  }

  /** The message (root or reply) with this id, if seen. */
  message(id) {
    return this.#messages.get(id) ?? null;
  }

  /** The replies of {@code rootId} seen so far, in seq order (those without one, still pending, last). */
  replies(rootId) {
    const seq = (message) => (Number.isSafeInteger(message.seq) ? message.seq : Number.MAX_SAFE_INTEGER);
    return [...(this.#replies.get(rootId)?.values() ?? [])].sort((a, b) => seq(a) - seq(b));
  }
}
