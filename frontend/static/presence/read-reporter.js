// When the page tells the room how far the reader has read: only what was seen, only forward, at most every 2 s.
// Pure logic: send, the clock and the timers are injected.

/** At most one read marker per this many ms (the server takes about 2 per second, bursts of 5). */
export const READ_INTERVAL_MS = 2000;

/**
 * {@code send(seq)}: SENDs {@code {seq}} to the open room's read destination; false when nothing left the page
 * (disconnected, no username yet), and the marker then waits for connected().
 */
export class ReadReporter {
  // The greatest seq the server has for this reader in the open room, as far as the page knows.
  #sent = 0;
  // The newest seq seen and not sent yet, or null.
  #pending = null;
  #lastSendAt = -Infinity;
  #timer = null;
  #private = false;

  constructor({
    send, now = () => Date.now(), intervalMs = READ_INTERVAL_MS,
    setTimeout = (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout = (timer) => globalThis.clearTimeout(timer),
  }) {
    Object.assign(this, { send, now, intervalMs, setTimeout, clearTimeout });
  }

  /** "Keep my reading private": nothing is sent while set, and what waited is dropped. */
  get private() {
    return this.#private;
  }

  set private(value) {
    this.#private = Boolean(value);
    if (this.#private) {
      this.#pending = null;
      this.#cancel();
    }
  }

  /** Another room opens (or none): nothing read there yet. The pace stays, since the server counts per connection. */
  enter() {
    this.#sent = 0;
    this.#pending = null;
    this.#cancel();
  }

  /** The server already has the reader at {@code seq} (another tab of theirs, or earlier): no need to say it again. */
  known(seq) {
    if (Number.isSafeInteger(seq) && seq > this.#sent) {
      this.#sent = seq;
    }
  }

  /**
   * The newest message in the list has {@code seq}; it counts as read when the tab is {@code visible} and the list
   * is scrolled to its end ({@code atEnd}).
   */
  observe({ seq, visible, atEnd }) {
    if (this.#private || !visible || !atEnd || !Number.isSafeInteger(seq)) {
      return;
    }
    if (seq > Math.max(this.#sent, this.#pending ?? 0)) {
      this.#pending = seq;
    }
    // Also another try for one that could not leave the page (its session had no name yet, say).
    this.#schedule();
  }

  /** Connected (again): what waited goes now, or as soon as the pace allows. */
  connected() {
    this.#schedule();
  }

  #schedule() {
    if (this.#pending === null || this.#timer !== null) {
      return;
    }
    const wait = this.#lastSendAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.#flush();
    } else {
      // The latest seq by then goes, not each one seen meanwhile.
      this.#timer = this.setTimeout(() => {
        this.#timer = null;
        this.#flush();
      }, wait);
    }
  }

  #flush() {
    const seq = this.#pending;
    if (seq === null || this.#private) {
      return;
    }
    if (seq <= this.#sent) {
      this.#pending = null;
      return;
    }
    if (this.send(seq)) {
      this.#sent = seq;
      this.#pending = null;
      this.#lastSendAt = this.now();
    }
  }

  #cancel() {
    if (this.#timer !== null) {
      this.clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
