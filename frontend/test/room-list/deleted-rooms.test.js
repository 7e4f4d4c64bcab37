import assert from "node:assert/strict";
import { test } from "node:test";

import { DELETED_KEY, MAX_DELETED, rememberDeleted, wasDeleted } from "../../static/room-list/deleted-rooms.js";
import { MemoryStorage } from "../memory-storage.js";

const id = (n) => `room${String(n).padStart(18, "0")}`;

test("a room seen deleted is remembered, once", () => {
  const storage = new MemoryStorage();
  assert.equal(wasDeleted(storage, id(1)), false);
  rememberDeleted(storage, id(1));
  rememberDeleted(storage, id(1));
  assert.equal(wasDeleted(storage, id(1)), true);
  assert.equal(wasDeleted(storage, id(2)), false);
  assert.deepEqual(JSON.parse(storage.getItem(DELETED_KEY)), [id(1)]);
});

test("only the newest ids are kept", () => {
  const storage = new MemoryStorage();
  for (let n = 1; n <= MAX_DELETED + 5; n++) {
    rememberDeleted(storage, id(n));
  }
  assert.equal(wasDeleted(storage, id(5)), false);
  assert.equal(wasDeleted(storage, id(6)), true);
  assert.equal(JSON.parse(storage.getItem(DELETED_KEY)).length, MAX_DELETED);
});

test("malformed storage and ids are ignored, and a full storage is no error", () => {
  const storage = new MemoryStorage();
  storage.setItem(DELETED_KEY, "{not json");
  assert.equal(wasDeleted(storage, id(1)), false);
  storage.setItem(DELETED_KEY, JSON.stringify([id(1), 7, "../x", null]));
  assert.equal(wasDeleted(storage, id(1)), true);
  rememberDeleted(storage, "not an id!");
  assert.equal(wasDeleted(storage, "not an id!"), false);
  rememberDeleted(storage, id(2));
  assert.deepEqual(JSON.parse(storage.getItem(DELETED_KEY)), [id(1), id(2)], "the malformed ones are dropped");
  const full = { getItem: () => null, setItem: () => {
    throw new Error("QuotaExceededError");
  } };
  assert.doesNotThrow(() => rememberDeleted(full, id(2)));
});
