// Reconnect delays: exponential growth with jitter, capped, so a restarted server is not hit by every tab at once;
// and a wait that can be cut short (the network or the tab came back).

export const DEFAULT_BACKOFF = Object.freeze({ initialMs: 1000, factor: 2, maxMs: 30000, jitter: 0.5 });

/**
 * The wait before reconnect attempt number {@code attempt} (0 for the first retry).
 * With jitter j the delay lies in [(1 - j) * d, d], where d = initial * factor^attempt capped at max.
 */
export function backoffDelay(attempt, options = DEFAULT_BACKOFF, random = Math.random) {
  const { initialMs, factor, maxMs, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const ceiling = Math.min(maxMs, initialMs * factor ** Math.max(0, attempt));
  return Math.round(ceiling * (1 - jitter * random()));
}

/** Counts failed attempts and hands out the next delay; reset() after a successful connection. */
export class Backoff {
  #attempt = 0;

  constructor(options = DEFAULT_BACKOFF, random = Math.random) {
    this.options = { ...DEFAULT_BACKOFF, ...options };
    this.random = random;
  }

  get attempt() {
    return this.#attempt;
  }

  next() {
    const delay = backoffDelay(this.#attempt, this.options, this.random);
    this.#attempt += 1;
    return delay;
  }

  reset() {
    this.#attempt = 0;
  }
}

/** A wait that can be cut short: {@code sleep(ms)} resolves after {@code ms}, or at once on {@code wake()}. */
export class Wakeable {
  #wake = null;

  sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wake() {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}
