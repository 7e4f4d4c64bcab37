// Who else is typing in the open room, each for a few seconds after their last signal. Pure logic, timers injected.

/** A typing signal counts this long; senders repeat theirs every few seconds while they type. */
export const TYPING_EXPIRY_MS = 5000;

/** "alice is typing…", "alice and bob are typing…", "3 people are typing…"; "" for nobody. */
export function typingText(names) {
  if (names.length === 0) {
    return "";
  }
  if (names.length === 1) {
    return `${names[0]} is typing…`;
  }
  if (names.length === 2) {
    return `${names[0]} and ${names[1]} are typing…`;
  }
  return `${names.length} people are typing…`;
}

/** {@code onChange(text)}: the line changed (see typingText). */
export class TypingIndicator {
  #timers = new Map();
  #setTimeout;
  #clearTimeout;
  #expiryMs;

  constructor({
    onChange = () => {}, expiryMs = TYPING_EXPIRY_MS,
    setTimeout = (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout = (timer) => globalThis.clearTimeout(timer),
  } = {}) {
    this.onChange = onChange;
    this.#setTimeout = setTimeout;
    this.#clearTimeout = clearTimeout;
    this.#expiryMs = expiryMs;
  }

  /** The names typing now, sorted. */
  get names() {
    return [...this.#timers.keys()].sort((a, b) => a.localeCompare(b));
  }

  get text() {
    return typingText(this.names);
  }

  /** A typing signal from {@code username}: shown until TYPING_EXPIRY_MS after the latest. */
  typing(username) {
    if (typeof username !== "string" || username === "") {
      return;
    }
    const known = this.#timers.has(username);
    if (known) {
      this.#clearTimeout(this.#timers.get(username));
    }
    this.#timers.set(username, this.#setTimeout(() => this.stopped(username), this.#expiryMs));
    if (!known) {
      this.onChange(this.text);
    }
  }

  /** {@code username} stopped: their message arrived, or their signal expired. */
  stopped(username) {
    if (!this.#timers.has(username)) {
      return;
    }
    this.#clearTimeout(this.#timers.get(username));
    this.#timers.delete(username);
    this.onChange(this.text);
  }

  /** Another room, or no connection: nobody is known to type. */
  clear() {
    if (this.#timers.size === 0) {
      return;
    }
    this.#timers.forEach((timer) => this.#clearTimeout(timer));
    this.#timers.clear();
    this.onChange("");
  }
}
