// The rooms this browser visited, newest first, kept in localStorage.

export const RECENT_KEY = "chat.recentRooms";

export const MAX_RECENT = 12;

/** The list with {@code room} moved (or added) to the front, at most {@code max} long. */
export function rememberRoom(list, room, now = Date.now(), max = MAX_RECENT) {
  const entry = { id: room.id, name: room.name ?? null, visitedAt: now };
  return [entry, ...list.filter((other) => other.id !== room.id)].slice(0, max);
}

/** The list without the room {@code id}, e.g. after the server no longer knows it. */
export function forgetRoom(list, id) {
  return list.filter((entry) => entry.id !== id);
}

/** Reads the list, ignoring anything malformed, since storage is shared with whatever ran before. */
export function loadRecent(storage) {
  let parsed;
  try {
    parsed = JSON.parse(storage.getItem(RECENT_KEY) ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) {
    return [];
  }
  return parsed
    .filter((entry) => entry && typeof entry.id === "string" && /^[A-Za-z0-9]{16,64}$/.test(entry.id))
    .map((entry) => ({
      id: entry.id,
      name: typeof entry.name === "string" ? entry.name : null,
      visitedAt: Number.isFinite(entry.visitedAt) ? entry.visitedAt : 0,
    }))
    .slice(0, MAX_RECENT);
}

export function saveRecent(storage, list) {
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage may be full or disabled (private mode); the list is a convenience, the chat works without it.
  }
}
