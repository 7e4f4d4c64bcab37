import assert from "node:assert/strict";
import { test } from "node:test";

import { dropOwnerToken, keepOwnerToken, MAX_OWNED, OWNED_KEY, ownerToken } from "../../static/room-list/owned.js";
import { MemoryStorage } from "../memory-storage.js";

const id = (n) => `room${String(n).padStart(18, "0")}`;

test("a created room's token is kept, found by room id, and dropped", () => {
  const storage = new MemoryStorage();
  assert.equal(ownerToken(storage, id(1)), null);
  keepOwnerToken(storage, id(1), "secret-1");
  keepOwnerToken(storage, id(2), "secret-2");
  assert.equal(ownerToken(storage, id(1)), "secret-1");
  dropOwnerToken(storage, id(1));
  assert.equal(ownerToken(storage, id(1)), null);
  assert.equal(ownerToken(storage, id(2)), "secret-2");
});

test("malformed storage, ids and tokens are ignored", () => {
  const storage = new MemoryStorage();
  for (const junk of ["not json", "[1,2]", "null", JSON.stringify({ "../x": "t", [id(1)]: 5, [id(2)]: "" })]) {
    storage.setItem(OWNED_KEY, junk);
    assert.equal(ownerToken(storage, id(1)), null, junk);
  }
  storage.setItem(OWNED_KEY, "{}");
  keepOwnerToken(storage, "bad id", "token");
  keepOwnerToken(storage, id(3), undefined);
  assert.equal(ownerToken(storage, id(3)), null);
  assert.equal(storage.getItem(OWNED_KEY), "{}");
});

test("only the newest tokens are kept", () => {
  const storage = new MemoryStorage();
  for (let n = 0; n < MAX_OWNED + 5; n++) {
    keepOwnerToken(storage, id(n), `t${n}`);
  }
  assert.equal(ownerToken(storage, id(0)), null);
  assert.equal(ownerToken(storage, id(MAX_OWNED + 4)), `t${MAX_OWNED + 4}`);
  assert.equal(Object.keys(JSON.parse(storage.getItem(OWNED_KEY))).length, MAX_OWNED);
});

test("a storage that throws does not break the page", () => {
  const broken = {
    getItem() {
      throw new Error("denied");
    },
    setItem() {
      throw new Error("denied");
    },
  };
  assert.equal(ownerToken(broken, id(1)), null);
  assert.doesNotThrow(() => keepOwnerToken(broken, id(1), "t"));
  assert.doesNotThrow(() => dropOwnerToken(broken, id(1)));
});
