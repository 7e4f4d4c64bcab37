import assert from "node:assert/strict";
import { test } from "node:test";

import { centerIn, centerOffset, revealIn, revealOffset } from "../../static/conversation/list-scroll.js";

const rect = (top, height) => ({ top, height, bottom: top + height });
const VIEW = rect(100, 400);

test("centring an element scrolls the list by the distance between the two middles", () => {
  assert.equal(centerOffset(VIEW, rect(900, 100)), 650);
  assert.equal(centerOffset(VIEW, rect(-300, 50)), -575);
  assert.equal(centerOffset(VIEW, rect(250, 100)), 0);
});

test("revealing scrolls as little as needed: not at all when in view, the top first when taller than the view", () => {
  assert.equal(revealOffset(VIEW, rect(150, 100)), 0);
  assert.equal(revealOffset(VIEW, rect(450, 100)), 50, "its bottom up to the view's bottom");
  assert.equal(revealOffset(VIEW, rect(60, 100)), -40, "its top down to the view's top");
  assert.equal(revealOffset(VIEW, rect(300, 600)), 200, "taller than the view: its top at the top");
});

test("only the scroller's own scrollTop moves", () => {
  const scroller = { scrollTop: 1000, getBoundingClientRect: () => VIEW };
  centerIn(scroller, { getBoundingClientRect: () => rect(700, 100) });
  assert.equal(scroller.scrollTop, 1450);
  revealIn(scroller, { getBoundingClientRect: () => rect(480, 60) });
  assert.equal(scroller.scrollTop, 1490);
});
