// Owner tokens of the rooms this browser created, kept in localStorage (never in a URL): they allow "Delete room".

export const OWNED_KEY = "chat.ownedRooms";

export const MAX_OWNED = 200;

const ROOM_ID = /^[A-Za-z0-9]{16,64}$/;

/** The stored tokens as [roomId, token] pairs, newest last, ignoring anything malformed. */
function load(storage) {
  let parsed;
  try {
    parsed = JSON.parse(storage.getItem(OWNED_KEY) ?? "{}");
  } catch {
    return [];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    return [];
  }
  return Object.entries(parsed)
    .filter(([id, token]) => ROOM_ID.test(id) && typeof token === "string" && token.length > 0 && token.length <= 512);
}

function save(storage, entries) {
  try {
    storage.setItem(OWNED_KEY, JSON.stringify(Object.fromEntries(entries.slice(-MAX_OWNED))));
  } catch {
    // Storage full or disabled: the room just cannot be deleted from this browser later.
  }
}

/** The owner token of {@code roomId}, or null when this browser did not create it. */
export function ownerToken(storage, roomId) {
  return load(storage).find(([id]) => id === roomId)?.[1] ?? null;
}

/** Keeps the token the server returned when this browser created the room. */
export function keepOwnerToken(storage, roomId, token) {
  if (!ROOM_ID.test(roomId ?? "") || typeof token !== "string" || !token) {
    return;
  }
  save(storage, [...load(storage).filter(([id]) => id !== roomId), [roomId, token]]);
}

/** Forgets the token, e.g. once the room is deleted. */
export function dropOwnerToken(storage, roomId) {
  save(storage, load(storage).filter(([id]) => id !== roomId));
}
