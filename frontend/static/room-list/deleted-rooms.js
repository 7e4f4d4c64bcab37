// Rooms this browser saw deleted, kept in localStorage: opening one again says it no longer exists, rather than
// that its link is wrong (the server answers 404 either way).

export const DELETED_KEY = "chat.deletedRooms";

export const MAX_DELETED = 50;

const ROOM_ID = /^[A-Za-z0-9]{16,64}$/;

/** The remembered ids, oldest first, ignoring anything malformed. */
function load(storage) {
  let parsed;
  try {
    parsed = JSON.parse(storage.getItem(DELETED_KEY) ?? "[]");
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter((id) => typeof id === "string" && ROOM_ID.test(id)) : [];
}

/** Remembers that room {@code id} was deleted; the oldest ids go beyond {@code max}. */
export function rememberDeleted(storage, id, max = MAX_DELETED) {
  if (!ROOM_ID.test(id ?? "")) {
    return;
  }
  const ids = [...load(storage).filter((other) => other !== id), id].slice(-max);
  try {
    storage.setItem(DELETED_KEY, JSON.stringify(ids));
  } catch {
    // Storage full or disabled: a later visit just reads "No room has this id" instead.
  }
}

export function wasDeleted(storage, id) {
  return load(storage).includes(id);
}
