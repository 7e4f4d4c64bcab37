import assert from "node:assert/strict";
import { test } from "node:test";

import {
  isNewestPage, joinNewest, keepMessages, keptRoom, MAX_KEPT_MESSAGES, MAX_KEPT_ROOMS, roomsToEvict, snapshot,
  updatedRecord,
} from "../../static/offline/kept-messages.js";

const entry = (seq, extra = {}) => ({ id: `m${seq}`, roomId: "r", seq, text: `#${seq}`, ...extra });
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));

test("a room keeps its newest 200 entries, oldest first, whatever order they arrive in", () => {
  assert.equal(MAX_KEPT_MESSAGES, 200);
  const kept = keepMessages(range(1, 150), range(100, 260).reverse());
  assert.equal(kept.length, 200);
  assert.deepEqual(kept.map((message) => message.seq), range(61, 260).map((message) => message.seq));
});

test("an entry that arrives again replaces the kept copy, and is kept once", () => {
  const kept = keepMessages([entry(1), entry(2)], [entry(2, { text: "edited" })]);
  assert.deepEqual(kept.map((message) => message.text), ["#1", "edited"]);
});

test("entries without a seq are not kept: nothing could place them after a reload", () => {
  assert.deepEqual(keepMessages([], [{ id: "x", roomId: "r", text: "old server" }, entry(3)]), [entry(3)]);
});

test("sealed entries are kept as the server sent them", () => {
  const sealed = entry(1, { text: null, v: 1, kid: "k", iv: "aXY", ciphertext: "Y2lwaGVy" });
  assert.deepEqual(keepMessages([], [sealed]), [sealed]);
});

test("beyond the Recent list's length, the rooms used longest ago are dropped", () => {
  assert.equal(MAX_KEPT_ROOMS, 12);
  const records = Array.from({ length: 14 }, (_, i) => ({ id: `room${i}`, savedAt: i * 10 }));
  assert.deepEqual(roomsToEvict(records).sort(), ["room0", "room1"]);
  assert.deepEqual(roomsToEvict(records.slice(0, 3), 2), ["room0"]);
  assert.deepEqual(roomsToEvict([]), []);
});

test("a room's details are kept without its owner token", () => {
  assert.deepEqual(keptRoom({ id: "r", name: "Kitchen", encrypted: true, ownerToken: "secret" }),
    { id: "r", name: "Kitchen", encrypted: true });
});

test("a record takes new entries and details and is marked as used now", () => {
  const first = updatedRecord(null, { id: "r", room: { id: "r", name: "Kitchen" } }, 5);
  assert.deepEqual(first, { id: "r", room: { id: "r", name: "Kitchen" }, messages: [], savedAt: 5 });
  const second = updatedRecord(first, { id: "r", messages: [entry(2), entry(1)] }, 9);
  assert.deepEqual(second, { id: "r", room: { id: "r", name: "Kitchen" }, messages: [entry(1), entry(2)], savedAt: 9 });
});

test("only a request for the newest page can be answered from what was kept", () => {
  assert.ok(isNewestPage({ limit: 50 }));
  assert.ok(isNewestPage());
  assert.ok(!isNewestPage({ after: 3 }));
  assert.ok(!isNewestPage({ before: 3, limit: 50 }));
  assert.ok(!isNewestPage({ around: 7, limit: 50 }));
});

test("a snapshot does not change when the page changes its own objects", () => {
  const original = [entry(1)];
  const copy = snapshot(original);
  original[0].text = "opened";
  assert.equal(copy[0].text, "#1");
});

test("the newest page of a room opened online joins what was kept only where they meet", () => {
  const seqs = (messages) => messages.map((message) => message.seq);
  assert.deepEqual(seqs(joinNewest(range(1, 10), range(11, 20))), seqs(range(1, 20)));
  assert.equal(joinNewest(range(1, 15), range(11, 20)).length, 20);
  // Messages 11-49 are unknown here: what was kept before them would show as if nothing were missing.
  assert.deepEqual(seqs(joinNewest(range(1, 10), range(50, 60))), seqs(range(50, 60)));
  assert.deepEqual(joinNewest(range(1, 10), []), []);
  assert.deepEqual(updatedRecord({ id: "r", room: null, messages: range(1, 3) },
    { id: "r", messages: range(9, 9), newest: true }, 1).messages, [entry(9)]);
});
