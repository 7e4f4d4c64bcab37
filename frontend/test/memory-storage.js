// A localStorage stand-in for the unit tests (Node's test runner also runs this file; it holds no tests).

/** Keeps items in memory, with the methods the page's storage code uses. */
export class MemoryStorage {
  #items = new Map();
  getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
  removeItem(key) {
    this.#items.delete(key);
  }
}
