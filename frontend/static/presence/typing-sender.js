// Telling the room that the reader is typing: at most one signal every few seconds. Pure logic, clock injected.

/** One signal per this many ms while typing: well under the server's limit (about one per second, bursts of 3). */
export const TYPING_INTERVAL_MS = 3000;

/** {@code send()}: SENDs the signal; false when nothing left the page (disconnected, no username yet). */
export class TypingSender {
  #last = -Infinity;

  constructor({ send, now = () => Date.now(), intervalMs = TYPING_INTERVAL_MS }) {
    Object.assign(this, { send, now, intervalMs });
  }

  /** The message box now holds {@code text}; true when a signal went out. Clearing the box says nothing. */
  input(text) {
    if (!text.trim()) {
      return false;
    }
    const now = this.now();
    if (now - this.#last < this.intervalMs || !this.send()) {
      return false;
    }
    this.#last = now;
    return true;
  }

  /** Another room: its people have heard nothing yet. */
  reset() {
    this.#last = -Infinity;
  }
}
