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

/**
 * The entries to keep after the server answered the room's newest page ({@code page}, the room opened online): kept
 * entries older than the page stay only if they reach it (else messages between them and the page are unknown, and
 * an offline start would show them as if nothing were missing). An empty newest page: the room has no messages.
 */
export function joinNewest(kept, page, max = MAX_KEPT_MESSAGES) {
  const seqs = page.filter(hasSeq).map((message) => message.seq);
  if (seqs.length === 0) {
    return [];
  }
  const oldest = Math.min(...seqs);
  const reaches = kept.some((message) => message.seq >= oldest - 1);
  return keepMessages(reaches ? kept : kept.filter((message) => message.seq >= oldest), page, max);
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

/**
 * A kept room's record after {@code change}: new entries, new details, or both ({@code newest}: the entries are the
 * room's newest page, see joinNewest); {@code now} marks it as used.
 */
export function updatedRecord(record, { id, room, messages = [], newest = false }, now = Date.now()) {
  const kept = record?.messages ?? [];
  return {
    id,
    room: room ? keptRoom(room) : record?.room ?? null,
    messages: newest ? joinNewest(kept, messages) : keepMessages(kept, messages),
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
