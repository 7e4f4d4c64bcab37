import assert from "node:assert/strict";
import { test } from "node:test";

import { clientId } from "../../static/connection/client-id.js";
import { MemoryStorage } from "../memory-storage.js";

test("a tab's client id is made up once and then kept", () => {
  const storage = new MemoryStorage();
  const id = clientId(storage, (length) => Uint8Array.from({ length }, (_, i) => i * 17));
  assert.equal(id, "web-001122334455");
  assert.equal(clientId(storage, () => {
    throw new Error("not asked again");
  }), id);
  assert.match(clientId(new MemoryStorage()), /^web-[0-9a-f]{12}$/);
});
