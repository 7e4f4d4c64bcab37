import assert from "node:assert/strict";
import { test } from "node:test";

import { isLong, LONG_CHARACTERS, LONG_LINES } from "../../static/conversation/collapse.js";

test("a message collapses past 600 characters", () => {
  assert.equal(isLong("a".repeat(LONG_CHARACTERS)), false);
  assert.equal(isLong("a".repeat(LONG_CHARACTERS + 1)), true);
  // Characters, not UTF-16 units: 600 emoji are not long.
  assert.equal(isLong("😀".repeat(LONG_CHARACTERS)), false);
});

test("a message collapses past 12 lines", () => {
  assert.equal(isLong(Array(LONG_LINES).fill("line").join("\n")), false);
  assert.equal(isLong(Array(LONG_LINES + 1).fill("line").join("\n")), true);
});

test("nothing else collapses", () => {
  assert.equal(isLong(""), false);
  assert.equal(isLong(undefined), false);
  assert.equal(isLong("lunch at noon?"), false);
});
