// What this device keeps of its recent rooms for offline starts: each room's newest entries, a bounded number of
// rooms, and the room's details to open it with. Pure logic, no IndexedDB: room-store.js keeps what this decides.

import { MAX_RECENT } from "../room-list/recent.js";
import { hasSeq, mergeMessages } from "../conversation/seq-order.js";

/** Entries kept per room: its newest, by seq. */
export const MAX_KEPT_MESSAGES = 200;

/** Rooms kept: as many as the Recent list shows, the most recently used. */
export const MAX_KEPT_ROOMS = MAX_RECENT;

/**
 * The entries to keep of a room: {@code kept} with {@code arriving} merged in by seq (a copy that arrives again
 * replaces the kept one: it is the server's newer word), the newest {@code max}, oldest first. Entries without a seq
 * (an older server's) are not kept: nothing could place them among the others after a reload.
 */
export function keepMessages(kept, arriving, max = MAX_KEPT_MESSAGES) {
  return mergeMessages(arriving, kept).filter(hasSeq).slice(-max);
}

/** The ids of the rooms to drop so that at most {@code max} stay: those saved longest ago go first. */
export function roomsToEvict(records, max = MAX_KEPT_ROOMS) {
  return [...records].sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0)).slice(max).map((record) => record.id);
}

/** The room's details as the page opens it (GET /api/rooms/{id}), without what only its creator got. */
export function keptRoom(room) {
  const { ownerToken, ...details } = room ?? {};
  return details;
}

/** A kept room's record after {@code change}: new entries, new details, or both; {@code now} marks it as used. */
export function updatedRecord(record, { id, room, messages = [] }, now = Date.now()) {
  return {
    id,
    room: room ? keptRoom(room) : record?.room ?? null,
    messages: keepMessages(record?.messages ?? [], messages),
    savedAt: now,
  };
}

/** Whether a history request asks for a room's newest page (its first load), which a kept room can answer. */
export function isNewestPage(params = {}) {
  return [params.before, params.after, params.around].every((value) => value === undefined || value === null);
}

/** A copy of the server's entries as they are now, whatever the page later does to its own objects. */
export function snapshot(entries) {
  return JSON.parse(JSON.stringify(entries));
}
