import assert from "node:assert/strict";
import { test } from "node:test";

import { Drafts, MAX_DRAFT } from "../../static/composer/drafts.js";
import { MemoryStorage } from "../memory-storage.js";

class Storage extends MemoryStorage {
  removed = [];
  removeItem(key) {
    this.removed.push(key);
    super.setItem(key, "");
  }
}

test("each room keeps its own draft, across instances (a reload)", () => {
  const storage = new Storage();
  const drafts = new Drafts({ storage });
  drafts.set("room-a", "half a thought");
  drafts.set("room-b", "another\nline");
  const reloaded = new Drafts({ storage });
  assert.equal(reloaded.get("room-a"), "half a thought");
  assert.equal(reloaded.get("room-b"), "another\nline");
  assert.equal(reloaded.get("room-c"), "");
});

test("a sent (cleared) or emptied draft is removed", () => {
  const storage = new Storage();
  const drafts = new Drafts({ storage });
  drafts.set("room-a", "text");
  drafts.clear("room-a");
  assert.equal(drafts.get("room-a"), "");
  drafts.set("room-b", "text");
  drafts.set("room-b", "   ");
  assert.deepEqual(storage.removed, ["chat.draft.room-a", "chat.draft.room-b"]);
});

test("an oversized draft is not kept, and a failing storage costs only the draft", () => {
  const drafts = new Drafts({ storage: new Storage() });
  drafts.set("room-a", "y".repeat(MAX_DRAFT + 1));
  assert.equal(drafts.get("room-a"), "");
  const broken = new Drafts({ storage: {
    getItem: () => { throw new Error("denied"); },
    setItem: () => { throw new Error("full"); },
    removeItem: () => { throw new Error("denied"); },
  } });
  assert.doesNotThrow(() => broken.set("room-a", "text"));
  assert.equal(broken.get("room-a"), "");
});
