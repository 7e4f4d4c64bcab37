import assert from "node:assert/strict";
import test from "node:test";

import { sendBody } from "../../static/composer/outbox.js";
import { quoteOf } from "../../static/conversation/replies.js";

test("a quote is the original's first line, cut with an ellipsis", () => {
  assert.equal(quoteOf("short"), "short");
  assert.equal(quoteOf("  first line\nsecond line"), "first line");
  assert.equal(quoteOf("x".repeat(100), 10), `${"x".repeat(9)}…`);
  assert.equal(quoteOf("😀".repeat(12), 10), `${"😀".repeat(9)}…`, "cut between characters, never inside a pair");
  assert.equal(quoteOf(undefined), "");
});

test("a SEND carries replyTo only for a reply", () => {
  const entry = { text: "hi", clientMsgId: "m-1", replyTo: null };
  assert.deepEqual(sendBody(entry, { username: "ada", clientId: "c" }),
    { username: "ada", text: "hi", clientId: "c", clientMsgId: "m-1" });
  assert.deepEqual(sendBody({ ...entry, replyTo: "id-7" }, { username: "ada", clientId: "c" }),
    { username: "ada", text: "hi", clientId: "c", clientMsgId: "m-1", replyTo: "id-7" });
});
