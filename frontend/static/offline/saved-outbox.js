// The outbox kept across reloads: what the reader wrote and the server has not stored yet survives a reload while
// offline (the page then starts from the service worker's shell) and goes, once, when the connection is back.

import { Outbox } from "../composer/outbox.js";

const PREFIX = "chat.outbox.";

/** The methods that change entries: each is followed by a save. */
const CHANGES = ["add", "markSending", "markResent", "connectionLost", "reconnected", "retry", "remove", "receipt",
  "confirm", "reject", "roomGone", "dropSent"];

/** An entry as kept: everything but the local id (a new page numbers its own) and a timer of the old page. */
function kept({ localId, resendAt, ...entry }) {
  return entry;
}

/**
 * An Outbox whose entries not yet stored live in {@code storage} (localStorage) under this tab's {@code clientId}
 * (sessionStorage keeps it across reloads, so the reloaded page finds its own entries and no other tab's). On a new
 * page they come back queued, with their clientMsgId: the server stores a repeated SEND once, so one that did
 * arrive before the reload is not stored twice. A failed entry comes back failed, with its reason.
 *
 * A tab closed with entries left (an installed app the phone ended) leaves them to the next page: each page holds a
 * Web Lock named after its key while it lives, and adopts the entries of keys whose lock nobody holds. Two pages that
 * adopt the same entries at once send them with one clientMsgId, which the server stores once.
 */
export class SavedOutbox extends Outbox {
  #storage;
  #key;

  /** Resolves once the entries of closed tabs are adopted (at once without Web Locks: none are). */
  adopted;

  constructor({ storage, clientId, locks = globalThis.navigator?.locks, ...options }) {
    super(options);
    this.#storage = storage;
    this.#key = PREFIX + clientId;
    this.#restore(this.#load(this.#key));
    for (const name of CHANGES) {
      const change = this[name].bind(this);
      this[name] = (...args) => {
        const result = change(...args);
        this.#save();
        return result;
      };
    }
    this.adopted = locks ? this.#adopt(locks).catch(() => {}) : Promise.resolve();
  }

  async #adopt(locks) {
    // Held until the page goes: the lock tells other pages this key's entries are not orphans.
    await new Promise((granted, refused) => locks.request(this.#key, () => {
      granted();
      return new Promise(() => {});
    }).catch(refused));
    const { held = [] } = await locks.query();
    const alive = new Set(held.map((lock) => lock.name));
    const orphans = [];
    for (let i = 0; i < this.#storage.length; i++) {
      const key = this.#storage.key(i);
      if (key?.startsWith(PREFIX) && key !== this.#key && !alive.has(key)) {
        orphans.push(key);
      }
    }
    for (const key of orphans) {
      this.#restore(this.#load(key));
      this.#storage.removeItem(key);
    }
    if (orphans.length) {
      this.#save();
    }
  }

  #restore(entries) {
    for (const entry of entries) {
      const restored = super.add(entry);
      Object.assign(restored, entry, { state: entry.state === "failed" ? "failed" : "queued", resendAt: null });
    }
  }

  #load(key) {
    try {
      const entries = JSON.parse(this.#storage.getItem(key) ?? "[]");
      return Array.isArray(entries) ? entries.filter((entry) => typeof entry?.clientMsgId === "string"
        && typeof entry.roomId === "string" && typeof entry.destination === "string"
        && typeof entry.text === "string") : [];
    } catch {
      return [];
    }
  }

  /** Entries the server stored are left out: the room's history has them. */
  #save() {
    const entries = this.all().filter((entry) => entry.state !== "sent").map(kept);
    try {
      if (entries.length) {
        this.#storage.setItem(this.#key, JSON.stringify(entries));
      } else {
        this.#storage.removeItem(this.#key);
      }
    } catch {
      // A full or refused storage: the outbox still works for this page, as before.
    }
  }
}
