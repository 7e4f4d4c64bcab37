// Tells the gateway which room this device's page is showing (visible), so the device gets no push for it: at once
// when it changes, again every minute while it lasts (the gateway forgets an old report), and "none" when hidden.

export const SHOWING_EVERY_MS = 60_000;

/** {@code report(roomId)}: sends it (null: none). Timers handed in, so the tests move time themselves. */
export class ShowingReporter {
  #current = null;
  #timer = null;

  constructor({ report, setTimeout = globalThis.setTimeout, clearTimeout = globalThis.clearTimeout }) {
    Object.assign(this, { report, setTimeout, clearTimeout });
  }

  /** The page now shows room {@code roomId}, or none (null: hidden, no room open, or push off). */
  show(roomId) {
    if (roomId === this.#current) {
      return;
    }
    this.clearTimeout(this.#timer);
    this.#timer = null;
    const was = this.#current;
    this.#current = roomId;
    if (roomId === null) {
      if (was !== null) {
        this.#send(null);
      }
      return;
    }
    this.#tick();
  }

  #tick() {
    this.#send(this.#current);
    this.#timer = this.setTimeout(() => this.#tick(), SHOWING_EVERY_MS);
  }

  #send(roomId) {
    Promise.resolve(this.report(roomId)).catch(() => {
      // The next report (or the gateway forgetting this one) puts it right.
    });
  }
}
