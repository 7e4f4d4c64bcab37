// setTimeout and clearTimeout stand-ins for the unit tests: time moves only when a test says so (no tests here).

/** Lets every pending promise reaction run (all microtasks drain before the next macrotask). */
export const settle = () => new Promise((resolve) => {
  setImmediate(resolve);
});

export class FakeClock {
  #now = 0;
  #next = 1;
  #timers = new Map();

  setTimeout = (callback, ms = 0) => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.#now + ms, callback });
    return id;
  };

  clearTimeout = (id) => {
    this.#timers.delete(id);
  };

  get now() {
    return this.#now;
  }

  /** The delays of the timers still waiting, from now, soonest first. */
  get pending() {
    return [...this.#timers.values()].map((timer) => timer.at - this.#now).sort((a, b) => a - b);
  }

  /** Moves time on by {@code ms}, firing the timers due in order and letting promises settle after each. */
  async advance(ms) {
    const end = this.#now + ms;
    for (;;) {
      await settle();
      const due = [...this.#timers.entries()].filter(([, timer]) => timer.at <= end)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) {
        break;
      }
      const [id, timer] = due;
      this.#timers.delete(id);
      this.#now = timer.at;
      timer.callback();
    }
    this.#now = end;
    await settle();
  }
}
