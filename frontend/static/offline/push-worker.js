// Web Push in the service worker: the notification a push raises and what its click opens. A classic script, as
// /sw.js is one (browsers start module workers only where the page asks for one, and not all can): the worker loads
// it with importScripts (same origin, in the shell, so a change to it is a new worker). It cannot import
// encryption/room-crypto.js (an ES module), so it opens sealed text itself, the same way; the unit tests seal with
// room-crypto.js and open here, so the two cannot drift apart. Names start with "push" (one global scope with /sw.js).
/* exported pushReceived, pushClicked, pushNotification, pushOpenSealed, pushShowingRoom */

/** The IndexedDB database and store where the page mirrors the secrets of encrypted rooms with push on. */
const PUSH_DB = "chat-push";
const PUSH_SECRETS = "secrets";
const PUSH_LABEL = "mqtt-chat/e2e/1";
const PUSH_MAX_BODY = 120;
const PUSH_SEALED_BODY = "New message in an encrypted room";

/** The gateway's payload {@code { roomId, seq, title, body? }} in push {@code data}, or null when it is not that. */
function pushPayload(data) {
  let payload;
  try {
    payload = data?.json();
  } catch {
    return null;
  }
  const valid = typeof payload?.roomId === "string" && /^[A-Za-z0-9]{1,64}$/.test(payload.roomId)
    && Number.isSafeInteger(payload.seq) && payload.seq > 0;
  return valid ? payload : null;
}

/** The page that opens room {@code roomId} at message {@code seq}, as a search hit does (?around=). */
function pushTarget(roomId, seq) {
  return `/rooms/${encodeURIComponent(roomId)}?around=${seq}`;
}

/** {@code text} cut to {@code max} whole characters, "…" where it was cut (as conversation/mentions.js does). */
function pushTruncate(text, max = PUSH_MAX_BODY) {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}

/**
 * The notification for {@code payload} with {@code body}: one tag per room, so a room's newer message replaces its
 * older one (and alerts again), with what a click needs in its data.
 */
function pushNotification(payload, body) {
  return {
    title: typeof payload.title === "string" && payload.title !== "" ? payload.title : "New message",
    options: {
      body: pushTruncate(body),
      tag: payload.roomId,
      renotify: true,
      icon: "/icons/icon-192.png",
      data: { roomId: payload.roomId, seq: payload.seq, url: pushTarget(payload.roomId, payload.seq) },
    },
  };
}

/** Whether one of {@code windows} (WindowClients) is visible and showing room {@code roomId}. */
function pushShowingRoom(windows, roomId) {
  return windows.some((client) => client.visibilityState === "visible"
    && new URL(client.url).pathname === `/rooms/${encodeURIComponent(roomId)}`);
}

function pushBytes(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "="));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

function pushBase64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function pushNetstrings(values) {
  const encoder = new TextEncoder();
  const parts = values.map((value) => encoder.encode(String(value)))
    .flatMap((bytes) => [...encoder.encode(`${bytes.length}:`), ...bytes, ...encoder.encode(",")]);
  return Uint8Array.from(parts);
}

/** The text of sealed history {@code entry} of room {@code roomId} with room secret {@code secret} (base64url). */
async function pushOpenSealed(secret, roomId, entry, subtle = crypto.subtle) {
  const base = await subtle.importKey("raw", pushBytes(secret), "HKDF", false, ["deriveKey", "deriveBits"]);
  const params = (purpose) => ({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0),
    info: new TextEncoder().encode(`${PUSH_LABEL} ${purpose}`) });
  const kid = pushBase64url(await subtle.deriveBits(params("key id"), base, 128));
  if (entry.v !== 1 || entry.kid !== kid || typeof entry.iv !== "string" || typeof entry.ciphertext !== "string") {
    throw new Error("not sealed with this room's key");
  }
  const key = await subtle.deriveKey(params("message key"), base, { name: "AES-GCM", length: 256 }, false,
    ["decrypt"]);
  const clientMsgId = typeof entry.lastEdit?.clientMsgId === "string" ? entry.lastEdit.clientMsgId : entry.clientMsgId;
  const plaintext = await subtle.decrypt({ name: "AES-GCM", iv: pushBytes(entry.iv),
    additionalData: pushNetstrings([PUSH_LABEL, roomId, entry.author ?? "", clientMsgId ?? ""]) },
  key, pushBytes(entry.ciphertext));
  const { text } = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plaintext));
  if (typeof text !== "string") {
    throw new Error("no text");
  }
  return text;
}

/** "sender: text" of message {@code seq} in encrypted room {@code roomId}, opened on this device; null if it cannot. */
async function pushSealedBody(roomId, seq, { fetch, secretOf }) {
  try {
    const secret = await secretOf(roomId);
    if (!secret) {
      return null;
    }
    const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/messages?after=${seq - 1}&limit=1`,
      { credentials: "same-origin" });
    const entry = response.ok ? (await response.json()).find((each) => each.seq === seq) : null;
    return entry ? `${entry.username ?? "MQTT client"}: ${await pushOpenSealed(secret, roomId, entry)}` : null;
  } catch {
    return null;
  }
}

/**
 * A push arrived with {@code data}: shows its notification on {@code registration}, unless a visible page of this
 * origin already shows that room (Chrome asks for a notification only when no page of the origin is visible; the
 * gateway skips devices whose page reports showing the room, so this is the moment between two reports).
 * An encrypted room's push has no body: the message is fetched and opened here if this device keeps the key.
 */
async function pushReceived(data, { registration, clients, fetch, secretOf }) {
  const payload = pushPayload(data);
  if (!payload) {
    // userVisibleOnly: every push shows something.
    return registration.showNotification("New message", { tag: "chat", data: { url: "/" } });
  }
  if (pushShowingRoom(await clients.matchAll({ type: "window", includeUncontrolled: true }), payload.roomId)) {
    return undefined;
  }
  const body = typeof payload.body === "string" ? payload.body
    : (await pushSealedBody(payload.roomId, payload.seq, { fetch, secretOf })) ?? PUSH_SEALED_BODY;
  const { title, options } = pushNotification(payload, body);
  return registration.showNotification(title, options);
}

/**
 * A click on a notification with {@code data}: an open page of this origin (a visible one first) comes to the front
 * and is told to open the message; without one, a new window opens at it.
 */
async function pushClicked(data, { clients }) {
  const url = typeof data?.url === "string" && data.url.startsWith("/") ? data.url : "/";
  const windows = await clients.matchAll({ type: "window", includeUncontrolled: true });
  const page = windows.find((client) => client.visibilityState === "visible") ?? windows[0];
  if (!page) {
    return clients.openWindow(url);
  }
  if (data?.roomId) {
    page.postMessage({ type: "open-message", roomId: data.roomId, seq: data.seq });
  }
  return page.focus();
}

/** The secret the page mirrored for encrypted room {@code roomId} (offline/push-secrets.js), or null. */
function pushSecretOf(roomId) {
  return new Promise((resolve) => {
    const request = indexedDB.open(PUSH_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(PUSH_SECRETS);
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      const get = db.transaction(PUSH_SECRETS).objectStore(PUSH_SECRETS).get(roomId);
      get.onsuccess = () => resolve(typeof get.result === "string" ? get.result : null);
      get.onerror = () => resolve(null);
      db.close();
    };
  });
}
