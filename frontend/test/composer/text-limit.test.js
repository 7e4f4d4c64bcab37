import assert from "node:assert/strict";
import { test } from "node:test";

import { charactersOver, remainingText, tooLongText } from "../../static/composer/text-limit.js";

test("the counter shows what is left before the limit, and how far over it", () => {
  assert.equal(remainingText(0, 4000), "4000 characters left");
  assert.equal(remainingText(3999, 4000), "1 character left");
  assert.equal(remainingText(4000, 4000), "0 characters left");
  assert.equal(remainingText(4003, 4000), "3 characters over the limit");
  assert.equal(remainingText(4001, 4000), "1 character over the limit");
});

test("characters over the limit: none while the text fits", () => {
  assert.equal(charactersOver("", 4000), 0);
  assert.equal(charactersOver(undefined, 4000), 0);
  assert.equal(charactersOver("x".repeat(4000), 4000), 0);
  assert.equal(charactersOver("x".repeat(4001), 4000), 1);
  assert.equal(charactersOver("x".repeat(5234), 4000), 1234);
});

test("characters are counted as the server counts them: UTF-16 code units", () => {
  // An emoji outside the Basic Multilingual Plane is two code units for Java's String.length too.
  assert.equal(charactersOver("😀".repeat(2000), 4000), 0);
  assert.equal(charactersOver(`${"😀".repeat(2000)}a`, 4000), 1);
  assert.equal(charactersOver("é".normalize("NFD").repeat(2001), 4000), 2);
});

test("Send's reason names how many characters are over and the limit", () => {
  assert.equal(tooLongText(1, 4000), "Too long: 1 character over the 4000 limit");
  assert.equal(tooLongText(27, 4000), "Too long: 27 characters over the 4000 limit");
});
