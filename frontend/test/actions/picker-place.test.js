import assert from "node:assert/strict";
import { test } from "node:test";

import { opensAbove } from "../../static/actions/picker-place.js";

const rect = (top, height) => ({ top, height, bottom: top + height });
const view = rect(60, 600);

test("the picker opens below its message when it fits there", () => {
  assert.equal(opensAbove({ view, host: rect(300, 80), picker: rect(380, 90) }), false);
});

test("no room below the newest message: above it, when that fits", () => {
  assert.equal(opensAbove({ view, host: rect(500, 120), picker: rect(620, 90) }), true);
});

test("fits neither way (a short view): below, and the list scrolls to show it", () => {
  assert.equal(opensAbove({ view: rect(60, 150), host: rect(100, 100), picker: rect(200, 90) }), false);
});
