import assert from "node:assert/strict";
import { test } from "node:test";

import { forgetRoom, loadRecent, MAX_RECENT, RECENT_KEY, rememberRoom, saveRecent } from "../../static/room-list/recent.js";
import { MemoryStorage } from "../memory-storage.js";

const id = (n) => `room${String(n).padStart(18, "0")}`;

test("a visited room moves to the front without duplicates", () => {
  let list = [];
  list = rememberRoom(list, { id: id(1), name: "one" }, 1);
  list = rememberRoom(list, { id: id(2), name: null }, 2);
  list = rememberRoom(list, { id: id(1), name: "one renamed" }, 3);
  assert.deepEqual(list, [
    { id: id(1), name: "one renamed", visitedAt: 3 },
    { id: id(2), name: null, visitedAt: 2 },
  ]);
});

test("the list keeps only the newest rooms", () => {
  let list = [];
  for (let n = 0; n < MAX_RECENT + 5; n++) {
    list = rememberRoom(list, { id: id(n) }, n);
  }
  assert.equal(list.length, MAX_RECENT);
  assert.equal(list[0].id, id(MAX_RECENT + 4));
});

test("a room the server forgot is dropped", () => {
  const list = [{ id: id(1), name: null, visitedAt: 1 }, { id: id(2), name: null, visitedAt: 2 }];
  assert.deepEqual(forgetRoom(list, id(1)).map((room) => room.id), [id(2)]);
});

test("the list survives a round trip through storage", () => {
  const storage = new MemoryStorage();
  const list = rememberRoom([], { id: id(7), name: "seven" }, 7);
  saveRecent(storage, list);
  assert.deepEqual(loadRecent(storage), list);
});

test("malformed storage gives an empty or cleaned list instead of an error", () => {
  const storage = new MemoryStorage();
  assert.deepEqual(loadRecent(storage), []);
  storage.setItem(RECENT_KEY, "{not json");
  assert.deepEqual(loadRecent(storage), []);
  storage.setItem(RECENT_KEY, JSON.stringify({ id: id(1) }));
  assert.deepEqual(loadRecent(storage), []);
  storage.setItem(RECENT_KEY, JSON.stringify([null, { id: "../x" }, { id: id(3), name: 5, visitedAt: "x" }]));
  assert.deepEqual(loadRecent(storage), [{ id: id(3), name: null, visitedAt: 0 }]);
});

test("a full or disabled storage does not break saving", () => {
  const storage = { setItem() { throw new Error("QuotaExceededError"); } };
  assert.doesNotThrow(() => saveRecent(storage, []));
});
