// The secrets of end-to-end encrypted rooms: read from a link's fragment (#k=...), which browsers never send to a
// server, and kept in this browser's own storage so that the room opens again from the recent list.

import { base64url } from "./author-key.js";
import { fromBase64url, roomKeys } from "./room-crypto.js";

const STORAGE_KEY = "chat.roomSecrets";

/** The secret in a link's fragment {@code #k=<base64url of 32 bytes>}, as base64url; null if there is none. */
export function secretOfFragment(hash) {
  const match = /(?:^#|&)k=([A-Za-z0-9_-]{43})(?:&|$)/.exec(hash ?? "");
  return match ? match[1] : null;
}

/** A new random room secret, base64url. */
export function newSecret(random = globalThis.crypto) {
  return base64url(random.getRandomValues(new Uint8Array(32)));
}

/** Each encrypted room's secret in {@code storage}, and the keys derived from it. */
export class RoomKeys {
  #derived = new Map();

  constructor({ storage }) {
    this.storage = storage;
  }

  /** The secret of room {@code roomId}: from {@code hash} (then kept) or as kept before; null if unknown. */
  secret(roomId, hash = "") {
    const given = secretOfFragment(hash);
    const kept = this.#kept();
    if (given && kept[roomId] !== given) {
      this.keep(roomId, given);
    }
    return given ?? kept[roomId] ?? null;
  }

  keep(roomId, secret) {
    const kept = this.#kept();
    kept[roomId] = secret;
    try {
      this.storage.setItem(STORAGE_KEY, JSON.stringify(kept));
    } catch {
      // Without storage the link itself still carries the key.
    }
  }

  /** The keys of room {@code roomId} (a promise), or null without its secret. */
  keys(roomId) {
    const secret = this.secret(roomId);
    if (!secret) {
      return null;
    }
    if (!this.#derived.has(secret)) {
      this.#derived.set(secret, roomKeys(fromBase64url(secret)));
    }
    return this.#derived.get(secret);
  }

  /** The fragment that gives room {@code roomId}'s key, "" for none. */
  fragment(roomId) {
    const secret = this.secret(roomId);
    return secret ? `#k=${secret}` : "";
  }

  #kept() {
    try {
      return JSON.parse(this.storage.getItem(STORAGE_KEY) ?? "{}") ?? {};
    } catch {
      return {};
    }
  }
}
