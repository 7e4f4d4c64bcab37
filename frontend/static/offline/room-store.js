// The recent rooms this device keeps for offline starts, in IndexedDB "mqtt-chat-rooms" (apart from "mqtt-chat",
// where author-key.js keeps the author key): one record per room, { id, room, messages, savedAt }, as
// kept-messages.js shapes and bounds it.

import { roomsToEvict, updatedRecord } from "./kept-messages.js";

export const DATABASE = "mqtt-chat-rooms";

const STORE = "rooms";

/** A request's result as a promise. */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A transaction's end as a promise. */
function committed(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/**
 * Every call resolves, never rejects: without IndexedDB (some private windows) or with a refused one the page
 * keeps nothing and works online as before.
 */
export class RoomStore {
  #db;

  constructor({ indexedDB = globalThis.indexedDB } = {}) {
    this.#db = indexedDB ? this.#open(indexedDB).catch(() => null) : Promise.resolve(null);
  }

  /** Room {@code id}'s record, or null. */
  async get(id) {
    const db = await this.#db;
    if (!db) {
      return null;
    }
    try {
      return (await done(db.transaction(STORE).objectStore(STORE).get(id))) ?? null;
    } catch {
      return null;
    }
  }

  /**
   * Merges {@code change} ({@code { id, room?, messages? }}) into the room's record, in one transaction; a room
   * kept for the first time may push the one used longest ago out (MAX_KEPT_ROOMS).
   */
  async save(change) {
    const db = await this.#db;
    if (!db) {
      return;
    }
    try {
      const transaction = db.transaction(STORE, "readwrite");
      const store = transaction.objectStore(STORE);
      const record = await done(store.get(change.id));
      store.put(updatedRecord(record, change));
      if (!record) {
        const all = await done(store.getAll());
        roomsToEvict(all).forEach((id) => store.delete(id));
      }
      await committed(transaction);
    } catch {
      // A full or closing database costs only the offline copy.
    }
  }

  /** Forgets room {@code id} (deleted, or no longer the reader's). */
  async remove(id) {
    const db = await this.#db;
    if (!db) {
      return;
    }
    try {
      const transaction = db.transaction(STORE, "readwrite");
      transaction.objectStore(STORE).delete(id);
      await committed(transaction);
    } catch {
      // Nothing more to do: the record stays until the room is evicted.
    }
  }

  #open(indexedDB) {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: "id" });
    return done(opening);
  }
}
