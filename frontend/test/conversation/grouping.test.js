import assert from "node:assert/strict";
import { test } from "node:test";

import { GROUP_WINDOW_MS, placement, senderKey } from "../../static/conversation/grouping.js";

const utc = { timeZone: "UTC" };
const at = (time, extra = {}) => ({ source: "web", username: "ada", clientId: "web-1", sentAt: time, ...extra });

test("the first message starts a day and is not grouped", () => {
  assert.deepEqual(placement(null, at("2026-11-25T10:00:00Z"), utc), { newDay: true, continued: false, day: "2026-11-25" });
});

test("messages from one sender within five minutes are grouped", () => {
  const first = at("2026-11-25T10:00:00Z");
  assert.equal(placement(first, at("2026-11-25T10:04:59Z"), utc).continued, true);
  assert.equal(placement(first, at("2026-11-25T10:05:00Z"), utc).continued, true);
  assert.equal(placement(first, at("2026-11-25T10:05:01Z"), utc).continued, false);
  assert.equal(GROUP_WINDOW_MS, 300000);
});

test("another sender, source or client breaks the group", () => {
  const first = at("2026-11-25T10:00:00Z");
  assert.equal(placement(first, at("2026-11-25T10:01:00Z", { username: "bob" }), utc).continued, false);
  assert.equal(placement(first, at("2026-11-25T10:01:00Z", { source: "mqtt" }), utc).continued, false);
  assert.equal(placement(first, at("2026-11-25T10:01:00Z", { clientId: "web-2" }), utc).continued, false);
});

test("a new local day starts a separator and a new group, in the reader's time zone", () => {
  const late = at("2026-11-25T22:58:00Z");
  const next = at("2026-11-25T23:01:00Z");
  assert.deepEqual(placement(late, next, utc), { newDay: false, continued: true, day: "2026-11-25" });
  assert.deepEqual(placement(late, next, { timeZone: "Europe/Berlin" }), { newDay: true, continued: false, day: "2026-11-26" });
});

test("a sender clock slightly behind still groups; a bad date never does", () => {
  const first = at("2026-11-25T10:00:00Z");
  assert.equal(placement(first, at("2026-11-25T09:59:00Z"), utc).continued, true);
  assert.equal(placement(first, at("garbage"), utc).continued, false);
});

test("plain MQTT messages without a name share one key", () => {
  const plain = { source: "mqtt", username: null, clientId: null };
  assert.equal(senderKey(plain), senderKey({ ...plain }));
  assert.notEqual(senderKey(plain), senderKey({ source: "web", username: null, clientId: null }));
});

test("another author key under the same name and client starts a new group, so its name and mark show", () => {
  const signed = at("2026-11-25T10:00:00Z", { author: "key-of-ada" });
  assert.equal(placement(signed, at("2026-11-25T10:01:00Z", { author: "key-of-ada" }), utc).continued, true);
  assert.equal(placement(signed, at("2026-11-25T10:01:00Z", { author: "key-of-mallory" }), utc).continued, false);
  assert.equal(placement(signed, at("2026-11-25T10:01:00Z"), utc).continued, false, "unsigned after signed");
  assert.equal(placement(at("2026-11-25T10:00:00Z"), at("2026-11-25T10:01:00Z", { author: "k" }), utc).continued, false);
});
