import assert from "node:assert/strict";
import { test } from "node:test";

import { newClientMsgId } from "../../static/composer/client-msg-id.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("a clientMsgId is crypto.randomUUID's where the browser has it", () => {
  assert.equal(newClientMsgId({ randomUUID: () => "from-randomUUID" }), "from-randomUUID");
  assert.match(newClientMsgId(), UUID);
  assert.notEqual(newClientMsgId(), newClientMsgId());
});

test("outside a secure context (no randomUUID) it is a version-4 UUID from getRandomValues, 36 characters", () => {
  const zeros = { getRandomValues: (bytes) => bytes.fill(0) };
  assert.equal(newClientMsgId(zeros), "00000000-0000-4000-8000-000000000000");
  const ones = { getRandomValues: (bytes) => bytes.fill(0xff) };
  assert.equal(newClientMsgId(ones), "ffffffff-ffff-4fff-bfff-ffffffffffff");
  const id = newClientMsgId({ getRandomValues: (bytes) => globalThis.crypto.getRandomValues(bytes) });
  assert.match(id, UUID);
  assert.ok(id.length >= 1 && id.length <= 64, "within the server's 1-64 characters");
});
