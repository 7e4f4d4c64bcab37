// End-to-end encryption of a room's text (docs/protocol.md, "End-to-end encrypted rooms"): keys derived from the
// secret in the link's fragment with HKDF-SHA-256, text sealed with AES-256-GCM under a random 96-bit IV, the
// additional data binding the format, the room, the author key and the clientMsgId.

import { base64url, netstrings } from "./author-key.js";

/** The format version a sealed text carries as {@code v}. */
export const FORMAT = 1;

const LABEL = "mqtt-chat/e2e/1";

/** The message key and public key id of a room secret (32 bytes), and the attachment key for pictures. */
export async function roomKeys(secret, subtle = globalThis.crypto.subtle) {
  const base = await subtle.importKey("raw", secret, "HKDF", false, ["deriveKey", "deriveBits"]);
  const params = (purpose) => ({
    name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: new TextEncoder().encode(`${LABEL} ${purpose}`),
  });
  const aes = (purpose) => subtle.deriveKey(params(purpose), base, { name: "AES-GCM", length: 256 }, false,
    ["encrypt", "decrypt"]);
  return {
    messageKey: await aes("message key"),
    attachmentKey: await aes("attachment key"),
    reactionKey: await subtle.deriveKey(params("reaction key"), base, { name: "HMAC", hash: "SHA-256", length: 256 },
      false, ["sign"]),
    kid: base64url(await subtle.deriveBits(params("key id"), base, 128)),
    subtle,
  };
}

/** Whether {@code emoji} is a sealed reaction's tag rather than an emoji. */
export function isReactionTag(emoji) {
  return /^e:[A-Za-z0-9_-]{22}$/.test(emoji ?? "");
}

/**
 * The tag a reaction with {@code emoji} carries in an encrypted room: the same for everyone with the key (so the
 * gateway can count it) and nothing to anyone without: {@code e:} and the first 16 bytes of HMAC-SHA-256.
 */
export async function reactionTag(keys, emoji) {
  const mac = await keys.subtle.sign("HMAC", keys.reactionKey, new TextEncoder().encode(emoji));
  return `e:${base64url(new Uint8Array(mac).slice(0, 16))}`;
}

/** The additional data of a sealed text: netstrings of the format label, room id, author key and clientMsgId. */
export function additionalData(roomId, author, clientMsgId) {
  return netstrings([LABEL, roomId, author ?? "", clientMsgId ?? ""]);
}

/**
 * {@code text} sealed for the room: {@code { v, kid, iv, ciphertext }}, to send in place of the text; with the
 * {@code pictures} the message carries ({@code [{ id, type, width, height, iv }]}), which only key holders learn.
 */
export async function seal(keys, { roomId, author, clientMsgId, text, pictures = [] },
  iv = globalThis.crypto.getRandomValues(new Uint8Array(12))) {
  const plaintext = new TextEncoder().encode(JSON.stringify(pictures.length > 0 ? { text, pictures } : { text }));
  const sealed = await keys.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: additionalData(roomId, author, clientMsgId) }, keys.messageKey, plaintext);
  return { v: FORMAT, kid: keys.kid, iv: base64url(iv), ciphertext: base64url(sealed) };
}

/** Why a sealed text could not be opened: "wrong-key" (sealed with another room key) or "corrupt". */
export class CannotOpen extends Error {
  constructor(reason) {
    super(reason === "wrong-key" ? "sealed with another key" : "cannot decrypt");
    this.reason = reason;
  }
}

/** The text of a sealed {@code entry} of room {@code roomId}; throws CannotOpen. */
export async function open(keys, roomId, entry) {
  return (await openSealed(keys, roomId, entry)).text;
}

/** The text of a sealed {@code entry} and the well-formed pictures it describes; throws CannotOpen. */
export async function openSealed(keys, roomId, entry) {
  if (entry.v !== FORMAT || typeof entry.ciphertext !== "string" || typeof entry.iv !== "string") {
    throw new CannotOpen("corrupt");
  }
  if (entry.kid !== keys.kid) {
    throw new CannotOpen("wrong-key");
  }
  try {
    const plaintext = await keys.subtle.decrypt({
      name: "AES-GCM", iv: fromBase64url(entry.iv), additionalData: additionalData(roomId, entry.author, sealedBy(entry)),
    }, keys.messageKey, fromBase64url(entry.ciphertext));
    const { text, pictures } = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plaintext));
    if (typeof text !== "string") {
      throw new Error("no text");
    }
    return { text, pictures: Array.isArray(pictures) ? pictures.filter(isPicture) : [] };
  } catch {
    throw new CannotOpen("corrupt");
  }
}

/** The clientMsgId a sealed text was sealed under: an edited message's is its last edit's (history names it). */
export function sealedBy(entry) {
  return typeof entry.lastEdit?.clientMsgId === "string" ? entry.lastEdit.clientMsgId : entry.clientMsgId;
}

/** The bytes of base64url {@code text}. */
export function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The picture types a sealed message may say its pictures are. */
const PICTURE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"];

function isPicture(picture) {
  return typeof picture?.id === "string" && PICTURE_TYPES.includes(picture.type) && typeof picture.iv === "string"
    && /^[A-Za-z0-9_-]{16}$/.test(picture.iv) && Number.isInteger(picture.width) && Number.isInteger(picture.height);
}

/** The additional data of a sealed picture: netstrings of the format label, the room id and "picture". */
function pictureData(roomId) {
  return netstrings([LABEL, roomId, "picture"]);
}

/**
 * A picture's bytes sealed for the room with the attachment key, to upload: {@code bytes} (the IV, then the
 * ciphertext and tag) and {@code iv} (base64url), which the sealed message names so no other bytes pass for it.
 */
export async function sealPicture(keys, roomId, picture, iv = globalThis.crypto.getRandomValues(new Uint8Array(12))) {
  const sealed = new Uint8Array(await keys.subtle.encrypt({ name: "AES-GCM", iv, additionalData: pictureData(roomId) },
    keys.attachmentKey, picture));
  const bytes = new Uint8Array(12 + sealed.length);
  bytes.set(iv);
  bytes.set(sealed, 12);
  return { bytes, iv: base64url(iv) };
}

/** The picture in {@code bytes} as downloaded, if they begin with the IV its message named; throws CannotOpen. */
export async function openPicture(keys, roomId, bytes, { iv }) {
  const data = new Uint8Array(bytes);
  if (data.length <= 28 || base64url(data.slice(0, 12)) !== iv) {
    throw new CannotOpen("corrupt");
  }
  try {
    return new Uint8Array(await keys.subtle.decrypt({ name: "AES-GCM", iv: data.slice(0, 12),
      additionalData: pictureData(roomId) }, keys.attachmentKey, data.slice(12)));
  } catch {
    throw new CannotOpen("corrupt");
  }
}
