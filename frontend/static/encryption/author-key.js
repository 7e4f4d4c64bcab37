// The browser's author key: an Ed25519 key pair made once per browser by WebCrypto and kept in IndexedDB with its
// private half non-extractable, so no script (this page's included) can read it out; every SEND is signed with it.

/** The first netstring of the signed bytes: the format's name and version (docs/protocol.md, "Author keys"). */
export const SIGNATURE_VERSION = "mqtt-chat/1";

const FIELDS = ["clientMsgId", "username", "type", "target", "text", "replyTo", "emoji", "attachments"];

/**
 * The bytes an author signs for {@code body} in room {@code roomId}: netstrings ({@code <length>:<bytes>,}) of the
 * version, the room id and the fields of FIELDS, an absent one empty, the type "message" by default and the
 * attachments' ids joined by commas.
 */
export function signedBytes(roomId, body) {
  return netstrings([SIGNATURE_VERSION, roomId, ...FIELDS.map((field) => {
    if (field === "type") {
      return body.type ?? "message";
    }
    if (field === "text" && typeof body.ciphertext === "string") {
      // Sealed: the signature covers the sealed text.
      return `${body.v}.${body.kid}.${body.iv}.${body.ciphertext}`;
    }
    return field === "attachments" ? (body.attachments ?? []).join(",") : (body[field] ?? "");
  })]);
}

/** The netstrings ({@code <length in bytes>:<UTF-8 bytes>,}) of {@code values}, one after the other. */
export function netstrings(values) {
  const encoder = new TextEncoder();
  const parts = values.flatMap((value) => {
    const bytes = encoder.encode(String(value));
    return [encoder.encode(`${bytes.length}:`), bytes, encoder.encode(",")];
  });
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Base64url without padding, as the JSON carries keys and signatures. */
export function base64url(bytes) {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Signs SEND bodies with one key pair; {@code author} is its public key as messages carry it. */
export class AuthorKey {
  constructor(pair, author, subtle) {
    Object.assign(this, { pair, author, subtle });
  }

  /** A key pair of its own, not kept anywhere (tests, and browsers without IndexedDB). */
  static async generate(subtle = globalThis.crypto?.subtle) {
    const pair = await subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
    return AuthorKey.of(pair, subtle);
  }

  static async of(pair, subtle) {
    return new AuthorKey(pair, base64url(await subtle.exportKey("raw", pair.publicKey)), subtle);
  }

  /** {@code body} with {@code author} and {@code sig}; a signed body needs its clientMsgId. */
  async sign(roomId, body) {
    const signature = await this.subtle.sign({ name: "Ed25519" }, this.pair.privateKey, signedBytes(roomId, body));
    return { ...body, author: this.author, sig: base64url(signature) };
  }

  /** The key's signature over {@code bytes}, in base64url (a key proof, see key-proof.js). */
  async signBytes(bytes) {
    return base64url(await this.subtle.sign({ name: "Ed25519" }, this.pair.privateKey, bytes));
  }
}

/**
 * This browser's author key, made on first use; null where WebCrypto has no Ed25519 or the page is not in a secure
 * context (then messages go unsigned and cannot be edited or deleted).
 */
export async function loadAuthorKey({ indexedDB = globalThis.indexedDB, subtle = globalThis.crypto?.subtle } = {}) {
  if (!subtle) {
    return null;
  }
  try {
    if (!indexedDB) {
      return await AuthorKey.generate(subtle);
    }
    const db = await open(indexedDB);
    const kept = await request(db.transaction("keys").objectStore("keys").get("author"));
    if (kept) {
      return await AuthorKey.of(kept, subtle);
    }
    const pair = await subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"]);
    // A CryptoKey is stored as it is (structured clone); its private half stays non-extractable.
    await request(db.transaction("keys", "readwrite").objectStore("keys").put(pair, "author"));
    return await AuthorKey.of(pair, subtle);
  } catch {
    return null;
  }
}

function open(indexedDB) {
  const opening = indexedDB.open("mqtt-chat", 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore("keys");
  return request(opening);
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
