import assert from "node:assert/strict";
import { test } from "node:test";

import { THUMBNAIL_MAX, thumbnailSize } from "../../static/conversation/picture-size.js";

test("a picture's thumbnail keeps its proportions within 240 px, never scaled up", () => {
  assert.equal(THUMBNAIL_MAX, 240);
  assert.deepEqual(thumbnailSize(120, 80), { width: 120, height: 80 });
  assert.deepEqual(thumbnailSize(1200, 800), { width: 240, height: 160 });
  assert.deepEqual(thumbnailSize(600, 1800), { width: 80, height: 240 });
  assert.deepEqual(thumbnailSize(10000, 10), { width: 240, height: 1 });
});

test("an unknown size reserves nothing", () => {
  for (const [width, height] of [[undefined, 80], [0, 80], [120, -1], ["120", 80], [NaN, 2]]) {
    assert.equal(thumbnailSize(width, height), null);
  }
});
