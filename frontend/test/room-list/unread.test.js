import assert from "node:assert/strict";
import { test } from "node:test";

import { MAX_KEPT, READ_KEY, badgeText, unreadLabel, UnreadCounts } from "../../static/room-list/unread.js";
import { MemoryStorage } from "../memory-storage.js";

const message = (seq, username, text = "hi", type) => ({ seq, username, text, ...(type ? { type } : {}) });

test("live messages by others after the position count, mentions marked; own, actions and old ones do not", () => {
  const counts = new UnreadCounts(new MemoryStorage());
  counts.counted({ id: "r1", latestSeq: 10, unread: 2, mentions: 0 });
  assert.equal(counts.message("r1", message(11, "bob"), { me: "alice" }), true);
  assert.equal(counts.message("r1", message(12, "bob", "ping @alice"), { me: "alice" }), true);
  assert.equal(counts.message("r1", message(13, "alice"), { me: "alice" }), false);
  assert.equal(counts.message("r1", message(14, "bob", "", "reaction"), { me: "alice" }), false);
  assert.equal(counts.message("r1", message(12, "bob"), { me: "alice" }), false, "a repeat");
  assert.deepEqual(counts.of("r1"), { unread: 4, mentions: 1 });
  assert.equal(counts.total(), 4);
  assert.equal(counts.total("r1"), 0);
});

test("seeing a room clears it and keeps its position, only forward, across pages", () => {
  const storage = new MemoryStorage();
  const counts = new UnreadCounts(storage);
  counts.counted({ id: "r1", latestSeq: 5, unread: 5, mentions: 1 });
  assert.equal(counts.seen("r1", 5), true);
  assert.deepEqual(counts.of("r1"), { unread: 0, mentions: 0 });
  counts.seen("r1", 3);
  assert.equal(new UnreadCounts(storage).readUpTo("r1"), 5);
  assert.equal(counts.message("r1", message(4, "bob"), { me: "alice" }), false);
  assert.equal(counts.message("r1", message(6, "bob"), { me: "alice" }), true);
  assert.equal(new UnreadCounts(storage).readUpTo("never"), null);
});

test("positions of the rooms read longest ago are forgotten first; broken storage is no position", () => {
  const storage = new MemoryStorage();
  const counts = new UnreadCounts(storage);
  for (let i = 0; i <= MAX_KEPT; i++) {
    counts.seen(`room${i}`, 1);
  }
  counts.seen("room0", 2);
  const kept = JSON.parse(storage.getItem(READ_KEY));
  assert.equal(Object.keys(kept).length, MAX_KEPT);
  assert.equal(kept.room0, 2);
  assert.equal(kept.room1, undefined);
  storage.setItem(READ_KEY, "not json");
  assert.equal(new UnreadCounts(storage).readUpTo("room0"), null);
});

test("the accessible name ends with the count; the badge says 999+ beyond", () => {
  assert.equal(unreadLabel({ unread: 3, mentions: 0 }), ", 3 unread");
  assert.equal(unreadLabel({ unread: 2, mentions: 1 }), ", mentions you, 2 unread");
  assert.equal(unreadLabel({ unread: 0, mentions: 0 }), "");
  assert.equal(badgeText(1000), "999+");
  assert.equal(unreadLabel({ unread: 1000, mentions: 0 }), ", 999+ unread");
});
