// Wires the offline-first page for app.js: kept rooms (kept-rooms.js) and the outbox kept across reloads
// (saved-outbox.js).

import { wireKeptRooms } from "./kept-rooms.js";
import { SavedOutbox } from "./saved-outbox.js";

/**
 * {@code api}: the page's REST api; {@code clientId}: this tab's. Returns the api the page uses instead, the
 * Composer's outbox, and {@code roomSync(room, { view, around, onError, onGone })} for each room it opens.
 */
export function wireOfflineFirst({ api, clientId, storage = globalThis.localStorage }) {
  return { ...wireKeptRooms(api), outbox: new SavedOutbox({ storage, clientId }) };
}
