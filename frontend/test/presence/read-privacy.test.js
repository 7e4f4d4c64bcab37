import assert from "node:assert/strict";
import { test } from "node:test";

import { MemoryStorage } from "../memory-storage.js";
import { loadReadPrivate, saveReadPrivate } from "../../static/presence/read-privacy.js";

test("keeping one's reading private is off until chosen, and remembered", () => {
  const storage = new MemoryStorage();
  assert.equal(loadReadPrivate(storage), false);
  saveReadPrivate(storage, true);
  assert.equal(loadReadPrivate(storage), true);
  assert.equal(storage.getItem("chat.readPrivate"), "true");
  saveReadPrivate(storage, false);
  assert.equal(loadReadPrivate(storage), false);
});
